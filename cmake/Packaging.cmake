# cpack -G DEB (from any build folder: cpack --config BUILD/CPackConfig.cmake -G DEB).
# dpkg-shlibdeps finds the shared libraries the programs link; Depends adds the plugins Qt loads
# at run time that it cannot see: libqt6svg6 holds the SVG icon engine and image plugin that every
# icon needs. Debian 12 ships the xcb (X11) and offscreen platform plugins inside libqt6gui6,
# which shlibdeps finds; qt6-qpa-plugins holds only VNC and TUIO, so it is not needed; Wayland's
# is qt6-wayland (Recommends). Recommends also a Secret Service provider for the keychain and
# Qt's own translations (dialog buttons in the user's language).
set(CPACK_PACKAGE_NAME ${EV_PACKAGE_NAME})
set(CPACK_PACKAGE_VENDOR "emnify Event Viewer contributors")
set(CPACK_PACKAGE_CONTACT "emnify Event Viewer contributors <${EV_MAINTAINER_EMAIL}>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop viewer for emnify IoT platform events")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Debian revision 1: a non-native package (its changelog is changelog.Debian.gz)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # emnify-event-viewer_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "gnome-keyring | libkf5wallet-bin | keepassxc, qt6-translations-l10n, qt6-wayland")
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines and turns the empty
# one into " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "emnify Event Viewer reads the events of the emnify IoT connectivity platform
through its REST API and shows them in a table that stays fast with a million
events: filter by category, event type, severity, source, time range and
scope, search, sort, follow a SIM order, and export to CSV.

The package also holds emnify-events, which exports events from a script,
and emnify-sim, a local stand-in for the emnify API for demos and tests.")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
