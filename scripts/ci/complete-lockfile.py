#!/usr/bin/env python3
"""Completes package-lock.json with platform stubs for optional native bindings.

The registry this project installs from serves only the Linux builds of some optional
per-platform packages (e.g. @unrs/resolver-binding-*, used by Jest's resolver). npm then
writes a lockfile without the other platforms, and `npm ci` refuses it ("Missing: ... from
lock file"). A stub entry with the package's os/cpu lets `npm ci` accept the lockfile and
skip the package on this platform, exactly as it does for a complete lockfile.
Run after `npm install` changes dependencies: python3 scripts/ci/complete-lockfile.py
"""
import json, re, sys
from pathlib import Path

LOCK = Path(__file__).resolve().parents[2] / 'package-lock.json'
OS = {'android': 'android', 'darwin': 'darwin', 'freebsd': 'freebsd', 'linux': 'linux', 'openharmony': 'openharmony', 'win32': 'win32'}
CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x']

def platform_of(name):
    tail = name.rsplit('/', 1)[-1]
    os_ = next((o for o in OS if f'-{o}-' in f'-{tail}-'), None)
    cpu = next((c for c in CPU if re.search(rf'-{c}(-|$)', tail)), None)
    return os_, cpu

lock = json.loads(LOCK.read_text())
packages = lock['packages']
added = []
for path, entry in list(packages.items()):
    for dep, spec in (entry.get('optionalDependencies') or {}).items():
        key = f'node_modules/{dep}'
        if key in packages:
            continue
        os_, cpu = platform_of(dep)
        if not os_ or not cpu:
            sys.exit(f'cannot tell the platform of {dep}; add it by hand')
        version = re.sub(r'^[\^~=]', '', spec)
        stub = {'version': version, 'cpu': [cpu], 'os': [os_], 'optional': True}
        if os_ == 'linux' and ('musl' in dep or 'gnu' in dep):
            stub['libc'] = ['musl' if 'musl' in dep else 'glibc']
        packages[key] = stub
        added.append(dep)
lock['packages'] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != '', kv[0])))
LOCK.write_text(json.dumps(lock, indent=2, ensure_ascii=False) + '\n')
print(f'added {len(added)} platform stubs' + (': ' + ', '.join(added) if added else ''))
