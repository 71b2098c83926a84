set(CPACK_PACKAGE_NAME firebreak)
