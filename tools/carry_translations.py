#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 emnify Event Viewer contributors
# SPDX-License-Identifier: MIT
"""carry_translations.py OLD.ts NEW.ts: fills the unfinished messages of NEW.ts with the
translations OLD.ts has for the same source text, from the same context if there is one, else
from any context. A string that moved to another class (another tr() context) keeps its
translation; lupdate alone would drop it. Prints what it could not fill."""
import sys
import xml.etree.ElementTree as ET


def translations(path):
    by_context, by_text = {}, {}
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            translation = message.find('translation')
            if translation is None or translation.get('type') in ('unfinished', 'vanished', 'obsolete'):
                continue
            key = (message.findtext('source'), message.findtext('comment'))
            by_context[(name,) + key] = translation
            by_text.setdefault(key, translation)
    return by_context, by_text


def main(old_path, new_path):
    by_context, by_text = translations(old_path)
    tree = ET.parse(new_path)
    missing, filled = [], 0
    for context in tree.getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            translation = message.find('translation')
            if translation is None or translation.get('type') != 'unfinished':
                continue
            key = (message.findtext('source'), message.findtext('comment'))
            old = by_context.get((name,) + key, by_text.get(key))
            if old is None or (message.get('numerus') == 'yes') != (len(old) > 0):
                missing.append('%s: %s' % (name, key[0]))
                continue
            message.remove(translation)
            copy = ET.fromstring(ET.tostring(old))
            copy.tail = translation.tail
            message.append(copy)
            filled += 1
    if not filled:
        return report(missing)
    ET.indent(tree, space='    ')  # lupdate, run again, writes the file in its own layout
    with open(new_path, 'w', encoding='utf-8') as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(tree.getroot(), encoding='unicode'))
        out.write('\n')
    report(missing)


def report(missing):
    for line in missing:
        print('untranslated: ' + line)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
