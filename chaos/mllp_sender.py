#!/usr/bin/env python3
"""HL7 sender for chaos/hl7-crash.sh: ORM^O01 orders over MLLP on loopback, each sent again, unchanged, until it
is acknowledged AA, as a hospital interface engine does. Every AA is appended (and flushed to disk) to ACKED before
the next order is sent. Stops after finishing its current order once STOP_FILE exists.

Usage: mllp_sender.py PORT TEMPLATE ACKED STOP_FILE STATS [SENDERS]"""
import json
import os
import socket
import string
import sys
import threading
import time

port, template_path, acked_path, stop_path, stats_path = sys.argv[1:6]
senders = int(sys.argv[6]) if len(sys.argv) > 6 else 2
template = open(template_path, encoding="utf-8").read().strip().replace("\n", "\r")
lock = threading.Lock()
counter = [0]
stats = {"orders_acknowledged": 0, "orders_given_up": 0, "answers": 0, "answers_ae_unavailable": 0,
         "answers_other_ae": 0, "no_connection": 0, "no_answer": 0, "slowest_answer_s": 0.0,
         "answers_over_5s": 0}
acked = open(acked_path, "a", encoding="utf-8")


def nhs_number(n):
    """A valid NHS number (modulus 11) in the 999 test range, one per order."""
    while True:
        nine = str(999_000_000 - n)
        total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            return nine + str(check)
        n += 500_000


def letters(n):
    out = ""
    for _ in range(6):
        out += string.ascii_lowercase[n % 26]
        n //= 26
    return out


def send_once(text):
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", int(port)), timeout=5) as connection:
            connection.settimeout(60)
            connection.sendall(b"\x0b" + text.encode("utf-8") + b"\x1c\r")
            answer = b""
            while not answer.endswith(b"\x1c\r"):
                chunk = connection.recv(4096)
                if not chunk:
                    raise ConnectionError("closed without an answer")
                answer += chunk
    except ConnectionRefusedError:
        with lock:
            stats["no_connection"] += 1
        return False
    except (OSError, ConnectionError):
        with lock:
            stats["no_answer"] += 1
        return False
    elapsed = time.monotonic() - started
    msa = next(s for s in answer.decode("utf-8", "replace").strip("\x0b\x1c\r").split("\r") if s.startswith("MSA"))
    fields = msa.split("|")
    with lock:
        stats["answers"] += 1
        stats["slowest_answer_s"] = max(stats["slowest_answer_s"], round(elapsed, 3))
        if elapsed > 5:
            stats["answers_over_5s"] += 1
        if fields[1] != "AA":
            key = "answers_ae_unavailable" if len(fields) > 3 and fields[3].startswith("Database unavailable") else "answers_other_ae"
            stats[key] += 1
    return fields[1] == "AA"


def sender():
    while not os.path.exists(stop_path):
        with lock:
            counter[0] += 1
            n = counter[0]
        nhs = nhs_number(n)
        text = (template.replace("${CONTROL}", "CHAOS-%d-%d" % (os.getpid(), n)).replace("${NHS}", nhs)
                .replace("${HOSPITAL}", "CHX%06d" % n).replace("${FAMILY}", "Chaos" + letters(n))
                .replace("${PLACER}", "CHP%d" % n))
        give_up = time.monotonic() + 300
        while time.monotonic() < give_up:
            if send_once(text):
                with lock:
                    acked.write(nhs + "\n")
                    acked.flush()
                    os.fsync(acked.fileno())
                    stats["orders_acknowledged"] += 1
                break
            time.sleep(0.2)
        else:
            with lock:
                stats["orders_given_up"] += 1


threads = [threading.Thread(target=sender) for _ in range(senders)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(stats_path, "w", encoding="utf-8") as out:
    json.dump(stats, out, indent=1)
