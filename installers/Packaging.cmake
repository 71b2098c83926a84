# `cpack -G DEB` (Linux), `-G NSIS` (Windows), `-G DragNDrop` (macOS) from a Release build directory.
set(CPACK_PACKAGE_NAME "firebreak")
set(CPACK_PACKAGE_VENDOR "Firebreak")
set(CPACK_PACKAGE_CONTACT "Firebreak developers <dev@firebreak.app>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Firebreak")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The xcb platform plugin is only a Recommends of Qt: without it the window cannot open on X11.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")

set(CPACK_NSIS_DISPLAY_NAME "Firebreak")
set(CPACK_NSIS_PACKAGE_NAME "Firebreak")
set(CPACK_NSIS_MENU_LINKS "bin/firebreak.exe" "Firebreak")

if(UNIX AND NOT APPLE)
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/app.firebreak.Firebreak.desktop"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES "${CMAKE_CURRENT_LIST_DIR}/linux/app.firebreak.Firebreak.metainfo.xml"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
endif()

include(CPack)
