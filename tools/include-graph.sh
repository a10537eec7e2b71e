#!/usr/bin/env bash
# Prints the include graph between the folders of src/ ("table -> filter (3)": files of table
# include headers of filter three times). The build enforces the direction (src/CMakeLists.txt);
# this shows it.
set -euo pipefail
cd "$(dirname "$0")/../src"
for dir in */; do
    dir=${dir%/}
    { grep -ho '^#include "[a-z]*/' "$dir"/*.h "$dir"/*.cpp 2>/dev/null || true; } \
        | sed 's|#include "||; s|/$||' | { grep -vx "$dir" || true; } | sort | uniq -c \
        | while read -r count to; do echo "$dir -> $to ($count)"; done
done
