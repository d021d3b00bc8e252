"""Install the Debian/Ubuntu packages Qt, the PDF checks and the build need, when they are missing.

As root on Debian/Ubuntu: apt-get installs what is missing. Otherwise: prints the exact command.
"""

import os
import shutil
import subprocess
import sys


def missing(packages: list[str]) -> list[str]:
    result = []
    for name in packages:
        probe = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in probe.stdout:
            result.append(name)
    return result


def main(packages: list[str]) -> int:
    if not shutil.which("dpkg-query") or not shutil.which("apt-get"):
        print("system-deps: not a Debian/Ubuntu system; install Qt's runtime libraries (libGL, libEGL, "
              "fontconfig, xkbcommon) and poppler-utils with your package manager.")
        return 0
    todo = missing(packages)
    if not todo:
        return 0
    command = ["apt-get", "install", "-y", "--no-install-recommends", *todo]
    if os.geteuid() != 0:
        print("system-deps: missing system packages. Run:\n  sudo apt-get update && sudo " + " ".join(command))
        return 0
    print("system-deps: installing " + " ".join(todo))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
    done = subprocess.run(command, env=env)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
