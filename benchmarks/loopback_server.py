"""A minimal HTTP/1.1 keep-alive server on 127.0.0.1 with canned FusionAuth answers.

Run by the benchmark in a process of its own, so that it does not share the client's interpreter
lock. It is a bare asyncio.Protocol with every answer prepared in advance: a few microseconds per
request, far below the cost of any client measured, so the server is never the bottleneck.

It prints its port on the first line of stdout, then serves until terminated or until its stdin
closes (the benchmark holds the other end: if the benchmark dies, so does the server).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading

from canned import LOGIN_PATH, STATUS_PATH, login_body, status_body


def _answer(status: bytes, body: bytes) -> bytes:
    head = b"HTTP/1.1 %s\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: %d\r\n\r\n"
    return head % (status, len(body)) + body


STATUS_ANSWER = _answer(b"200 OK", status_body())
LOGIN_ANSWER = _answer(b"200 OK", login_body())
NOT_FOUND_ANSWER = _answer(b"404 Not Found", b"")


def answer_for(head: bytes) -> bytes:
    method, target, _ = head.split(b" ", 2)
    path = target.split(b"?", 1)[0].decode()
    if method == b"GET" and path == STATUS_PATH:
        return STATUS_ANSWER
    if method == b"POST" and path == LOGIN_PATH:
        return LOGIN_ANSWER
    return NOT_FOUND_ANSWER


def content_length(head: bytes) -> int:
    lowered = head.lower()
    start = lowered.find(b"\r\ncontent-length:")
    if start < 0:
        return 0
    end = lowered.find(b"\r\n", start + 2)
    return int(lowered[start + 17 : None if end < 0 else end])


class CannedHttp(asyncio.Protocol):
    """Answers each complete request in the buffer; pipelined requests are answered in order."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)  # noqa: S101 - a TCP server's transport
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        assert self.transport is not None  # noqa: S101 - set by connection_made
        self.buffer += data
        while (end := self.buffer.find(b"\r\n\r\n")) >= 0:
            head = bytes(self.buffer[:end])
            size = end + 4 + content_length(head)
            if len(self.buffer) < size:
                return  # the rest of the body is still on its way
            del self.buffer[:size]
            self.transport.write(answer_for(head))


def _exit_when_stdin_closes() -> None:
    sys.stdin.buffer.read()
    os._exit(0)  # the parent is gone or done: leave at once, whatever the loop is doing


async def serve() -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(CannedHttp, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"{port}\n")
    sys.stdout.flush()
    threading.Thread(target=_exit_when_stdin_closes, daemon=True).start()
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(serve())
