"""Start a private Samba server on loopback for the SMB tests (a helper, not a test).

:func:`start_samba` writes a throw-away ``smb.conf`` into a temporary folder
(every state, lock, pid and log path lives there), registers one Samba user
with a random password and runs ``smbd`` in the foreground on 127.0.0.1 and a
free high port. It never touches the machine's own Samba configuration and
only ever binds loopback. :meth:`SambaServer.stop` ends that one process and
removes the folder.

Windows ACLs: both shares keep NT ACLs with ``vfs objects = acl_xattr``
(a file without one shows the ACL Samba maps from its POSIX bits). The
read-only ``[pdpa]`` is what the scanner sees as the test user; the hidden
``[pdpa_admin]`` serves the same folder writable to the same user as root
(``admin users``), so :meth:`SambaServer.set_security` can set any owner,
group and DACL through Samba itself (an SMB2 SET_INFO) and
:meth:`SambaServer.write_file` creates files that inherit their folder's ACL.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
FIRST_PORT = 14450
USER = "pdpa_smb_test"
SHARE = "pdpa"
ADMIN_SHARE = "pdpa_admin"
START_TIMEOUT_S = 20.0


class SambaUnavailable(RuntimeError):
    """Samba is not installed here, or the private server could not be started."""


@dataclass
class SambaServer:
    """A running private smbd: connect with ``url``, ``username``, ``password``."""

    url: str  # smb://127.0.0.1:<port>/pdpa
    port: int
    username: str
    password: str
    share_dir: Path
    root: Path  # the temporary folder holding config, state and the share
    process: subprocess.Popen[bytes]
    startup_s: float

    def user_sid(self) -> str:
        """The SID Samba gave the test user (``S-1-5-21-<machine>-<rid>``)."""
        result = subprocess.run(
            ["pdbedit", "-s", str(self.root / "smb.conf"), "-u", self.username, "-v"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        for line in result.stdout.splitlines():
            if line.startswith("User SID:"):
                return line.split(":", 1)[1].strip()
        raise SambaUnavailable(f"pdbedit gave no SID: {result.stderr.strip()}")

    def _admin(self, rel: str) -> tuple[str, dict[str, Any]]:
        unc = f"\\\\{HOST}\\{ADMIN_SHARE}" + "".join("\\" + p for p in rel.split("/") if p)
        session = {"username": self.username, "password": self.password, "port": self.port}
        return unc, {**session, "connection_cache": {}}

    def write_file(self, rel: str, data: bytes) -> None:
        """Create ``rel`` through the admin share (it inherits its folder's ACL)."""
        import smbclient

        unc, session = self._admin(rel)
        try:
            with smbclient.open_file(unc, mode="wb", **session) as handle:
                handle.write(data)
        finally:
            smbclient.reset_connection_cache(connection_cache=session["connection_cache"])

    def set_security(self, rel: str, descriptor: bytes, parts: int = 0x7) -> None:
        """Set ``rel``'s security descriptor through the admin share; ``parts`` says which
        of owner (0x1), group (0x2) and DACL (0x4) it sets."""
        import smbclient
        from smbclient._io import SMBFileTransaction, SMBRawIO
        from smbprotocol.file_info import InfoType
        from smbprotocol.open import SMB2SetInfoRequest, SMB2SetInfoResponse
        from smbprotocol.security_descriptor import AccessMask

        unc, session = self._admin(rel)
        write = AccessMask.WRITE_DACL | AccessMask.WRITE_OWNER
        try:
            raw = SMBRawIO(unc, mode="r", share_access="rwd", desired_access=write, **session)
            request = SMB2SetInfoRequest()
            request["info_type"] = InfoType.SMB2_0_INFO_SECURITY
            request["additional_information"] = parts
            request["file_id"] = raw.fd.file_id
            request["buffer"] = descriptor

            def receive(sent: object) -> object:
                response = SMB2SetInfoResponse()
                response.unpack(raw.fd.connection.receive(sent)["data"].get_value())
                return response

            with SMBFileTransaction(raw) as transaction:
                transaction += (request, receive)
        finally:
            smbclient.reset_connection_cache(connection_cache=session["connection_cache"])

    def log_tail(self, lines: int = 20) -> str:
        log = self.root / "log" / "smbd.log"
        text = log.read_text(errors="replace") if log.is_file() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """End smbd and its per-client children (the process group it leads), remove the folder."""
        _end_group(self.process)
        shutil.rmtree(self.root, ignore_errors=True)


def _end_group(process: subprocess.Popen[bytes]) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            break
        try:
            os.killpg(process.pid, sig)  # the group smbd leads (start_new_session=True)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)  # children that outlived their parent


def smbd_path() -> str | None:
    """Where ``smbd`` is installed, or None."""
    return shutil.which("smbd") or next(
        (p for p in ("/usr/sbin/smbd", "/usr/local/samba/sbin/smbd") if Path(p).is_file()), None
    )


def free_port(first: int = FIRST_PORT, tries: int = 100) -> int:
    """The first port from ``first`` on that nothing listens on at 127.0.0.1."""
    for port in range(first, first + tries):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((HOST, port))
            except OSError:
                continue
            return port
    raise SambaUnavailable(f"no free port in {first}..{first + tries - 1}")


def write_config(root: Path, port: int, share_dir: Path) -> Path:
    """A complete, private smb.conf below ``root``."""
    for sub in ("private", "lock", "state", "cache", "pid", "log", "ncalrpc"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "private").chmod(0o700)
    config = root / "smb.conf"
    config.write_text(
        f"""[global]
    server role = standalone server
    smb ports = {port}
    bind interfaces only = yes
    interfaces = lo 127.0.0.1
    disable netbios = yes
    server min protocol = SMB2_02
    map to guest = never
    passdb backend = tdbsam
    private dir = {root / "private"}
    lock directory = {root / "lock"}
    state directory = {root / "state"}
    cache directory = {root / "cache"}
    pid directory = {root / "pid"}
    ncalrpc dir = {root / "ncalrpc"}
    log file = {root / "log" / "smbd.log"}
    max log size = 1000
    log level = 1
    load printers = no
    printing = bsd
    printcap name = /dev/null
    disable spoolss = yes
    host msdfs = no
    rpc start on demand helpers = no

[{SHARE}]
    path = {share_dir}
    read only = yes
    browseable = yes
    valid users = {USER}
    vfs objects = acl_xattr

[{ADMIN_SHARE}]
    path = {share_dir}
    read only = no
    browseable = no
    valid users = {USER}
    admin users = {USER}
    vfs objects = acl_xattr
""",
        encoding="utf-8",
    )
    return config


def ensure_unix_user() -> None:
    """Samba maps its users onto Unix accounts; create a home-less one when missing."""
    if subprocess.run(["id", USER], capture_output=True).returncode == 0:
        return
    result = subprocess.run(
        ["useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SambaUnavailable(f"cannot create Unix user {USER}: {result.stderr.strip()}")


def add_samba_user(config: Path, password: str) -> None:
    result = subprocess.run(
        ["smbpasswd", "-c", str(config), "-a", "-s", USER],
        input=f"{password}\n{password}\n",
        capture_output=True,
        text=True,
        timeout=30,
    )
    if result.returncode != 0:
        raise SambaUnavailable(f"smbpasswd failed: {(result.stderr or result.stdout).strip()}")


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SambaUnavailable(f"smbd exited with code {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise SambaUnavailable(f"smbd did not listen on {HOST}:{port} within {timeout_s:.0f} s")


def start_samba() -> SambaServer:
    """Start a private smbd serving an empty read-only share ``[pdpa]``; raise SambaUnavailable."""
    smbd = smbd_path()
    if smbd is None:
        raise SambaUnavailable("smbd is not installed (apt-get install samba)")
    started = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="pdpa-samba-"))
    root.chmod(0o755)  # smbd serves the share as the test user, who must reach it
    share_dir = root / "share"
    share_dir.mkdir()
    process: subprocess.Popen[bytes] | None = None
    try:
        ensure_unix_user()
        port = free_port()
        config = write_config(root, port, share_dir)
        password = secrets.token_urlsafe(18)
        add_samba_user(config, password)
        process = subprocess.Popen(
            [smbd, "--foreground", "--no-process-group", "--configfile", str(config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # smbd signals its whole process group when it ends; keep that group its own.
            start_new_session=True,
        )
        wait_for_port(port, process, START_TIMEOUT_S)
    except BaseException:
        if process is not None:
            _end_group(process)
        shutil.rmtree(root, ignore_errors=True)
        raise
    return SambaServer(
        url=f"smb://{HOST}:{port}/{SHARE}",
        port=port,
        username=USER,
        password=password,
        share_dir=share_dir,
        root=root,
        process=process,
        startup_s=time.monotonic() - started,
    )
