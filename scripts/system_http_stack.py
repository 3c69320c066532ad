"""Print pip constraints pinning the HTTP stack to the copies Debian's Python has.

The plugin runs on the requests and urllib3 that QGIS ships (Debian 12: requests 2.28,
urllib3 1.26), seen through the venv's --system-site-packages. `scripts/bootstrap.sh`
passes these constraints to pip so nothing installs newer copies over them in the venv,
and the tests run the plugin on the stack its users have. Run it with /usr/bin/python3.
"""
import importlib.metadata
import sys

# requests and what it imports; a newer copy of any of them changes the plugin's HTTP.
HTTP_STACK = ("requests", "urllib3", "certifi", "idna", "charset-normalizer", "chardet")


def main() -> int:
    missing = []
    for name in HTTP_STACK:
        try:
            print(f"{name}=={importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            missing.append(name)
    if {"requests", "urllib3"} & set(missing):
        print("system_http_stack: Debian's python3-requests/python3-urllib3 are missing "
              "(they come with python3-qgis)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
