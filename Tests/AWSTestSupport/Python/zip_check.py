"""Reads a zip with Python's zipfile and writes the same entries with zipfile, for ZipArchive's tests.

Standard input: {"zip": "<path>", "entries": [{"path": ..., "hex": ..., "executable": bool}, ...]}.
Standard output: {"testzip": <first bad name or null>, "entries": [{"path", "hex", "mode", "date_time",
"compress_type"}...], "python_zip_equal": bool, "cli_exit": int} where python_zip_equal says whether
zipfile, given the same entries stored, dated 1980-01-01 with the same Unix modes, writes the same bytes.
"""
import io
import json
import subprocess
import sys
import zipfile

request = json.load(sys.stdin)
path = request["zip"]
with zipfile.ZipFile(path) as archive:
    bad = archive.testzip()
    entries = [
        {
            "path": info.filename,
            "hex": archive.read(info.filename).hex(),
            "mode": info.external_attr >> 16,
            "date_time": list(info.date_time),
            "compress_type": info.compress_type,
        }
        for info in archive.infolist()
    ]

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    for entry in request["entries"]:
        info = zipfile.ZipInfo(entry["path"], date_time=(1980, 1, 1, 0, 0, 0))
        info.create_system = 3
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = (0o100755 if entry["executable"] else 0o100644) << 16
        archive.writestr(info, bytes.fromhex(entry["hex"]))
with open(path, "rb") as file:
    ours = file.read()

cli = subprocess.run([sys.executable, "-m", "zipfile", "-t", path], capture_output=True)
json.dump({"testzip": bad, "entries": entries, "python_zip_equal": buffer.getvalue() == ours,
           "cli_exit": cli.returncode}, sys.stdout)
