"""Joining over HTTP on asyncio, as the phone page does (see ``client.http``)."""

from urllib.parse import quote

import aiohttp

from .errors import ProtocolError, Refused
from .http import Joined, find_csrf_token

TIMEOUT = 10.0


async def join(
    http: aiohttp.ClientSession,
    base_url: str,
    code: str,
    name: str,
    organisation: str = "",
    anonymous: bool = False,
    timeout: float = TIMEOUT,
) -> Joined:
    """Join as the phone page does (see ``client.http.join``). ``http`` lends its
    connection pool; the cookies (the CSRF secret) stay in a session of its own."""
    base = base_url.rstrip("/")
    limit = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(
        connector=http.connector,
        connector_owner=False,
        timeout=limit,
        # unsafe: keep cookies from an IP address such as 127.0.0.1 too.
        cookie_jar=aiohttp.CookieJar(unsafe=True),
    ) as own:
        async with own.get(f"{base}/join/{quote(code, safe='')}") as page:
            token = find_csrf_token(await page.text())
        async with own.post(
            f"{base}/api/join",
            json={
                "code": code,
                "name": name,
                "organisation": organisation,
                "anonymous": anonymous,
            },
            headers={"X-CSRFToken": token} if token else {},
        ) as response:
            status = response.status
            try:
                body = await response.json(content_type=None)
            except ValueError:
                body = None
    if not isinstance(body, dict):
        raise ProtocolError(f"POST /api/join answered {status} without a JSON object")
    if status == 201 and body.get("ok") is True:
        return Joined(body["token"], body["participant"], body["session"])
    raise Refused.from_reply(body, status)
