#!/usr/bin/python3
"""Writes the committed seed corpus of the downlink fuzzer (tests/fuzz/corpus/): one valid command per
parameter, a command setting every parameter, and a few near misses. Run from the repository root:
    /usr/bin/python3 tests/fuzz/make_corpus.py
Widths and wire units follow the byte table in hw/downlink_codec.hpp."""
import pathlib
import struct

WIDTHS = {1: 4, 2: 4, 3: 1, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4, 9: 2, 10: 4, 11: 1, 12: 1, 13: 1, 14: 2, 15: 2,
          16: 2, 17: 2, 18: 2, 19: 2, 20: 1, 21: 2, 22: 1, 23: 1, 24: 4, 25: 4}
VALID = {1: 3600, 2: 900, 3: 1, 4: 3600, 5: 3600, 6: 21600, 7: 7200, 8: 28800, 9: 60, 10: 86400, 11: 20,
         12: 10, 13: 0x7E, 14: 4000, 15: (-3000) & 0xFFFF, 16: 6000, 17: 0, 18: 950, 19: 20, 20: 3, 21: 10,
         22: 4, 23: 1, 24: 30, 25: 600}
FORMAT = {1: "<B", 2: "<H", 4: "<I"}


def command(params):
    body = b"".join(bytes([pid]) + struct.pack(FORMAT[WIDTHS[pid]], value) for pid, value in params)
    return bytes([1, 1, len(params)]) + body


def main():
    out = pathlib.Path(__file__).resolve().parent / "corpus"
    out.mkdir(exist_ok=True)
    seeds = {f"param_{pid:02d}": command([(pid, VALID[pid])]) for pid in WIDTHS}
    seeds["all_params"] = command(sorted(VALID.items()))
    seeds["out_of_range_retries"] = command([(1, 3600), (20, 9)])
    seeds["duplicate"] = command([(20, 3), (20, 4)])
    seeds["truncated"] = command([(1, 3600)])[:-1]
    seeds["bad_version"] = bytes([2]) + command([(3, 0)])[1:]
    for name, data in seeds.items():
        (out / name).write_bytes(data)


if __name__ == "__main__":
    main()
