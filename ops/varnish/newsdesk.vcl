# Newsdesk's edge: Varnish in front of the API, purged by surrogate key.
#
#   - a response's `Surrogate-Key` header becomes its xkey tags (vmod xkey from
#     varnish-modules), so one purge of `story:<id>` or `section:<slug>` drops
#     every cached response that names it: story pages, every variant of every
#     listing (`?limit=`, `?exclude=`, `?cursor=`), feeds, the sitemap;
#   - `PURGE` with an `xkey-purge: <key> <key> …` header, from the `purgers` ACL
#     only, purges those keys (hard: nothing stale is served afterwards) and
#     answers 200 with `xkey-purged: <objects>`; anyone else gets 403;
#   - cookies and `Authorization` never reach the origin for public documents,
#     and a response that sets a cookie is never cached;
#   - `stale-while-revalidate` becomes grace: the cache answers at once with
#     the old copy while it fetches the new one in the background.
#
# The deployment's part, `backend.vcl` (searched in vcl_path, the first
# folder first), defines the backend `origin` and the ACL `purgers`: the one in
# this folder is docker-compose's; the tests and benches generate their own.
vcl 4.1;

import std;
import xkey;

include "backend.vcl";

sub vcl_recv {
    set req.backend_hint = origin;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the surrogate keys to purge in an xkey-purge header"));
        }
        set req.http.xkey-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged"));
    }

    # The documents everyone sees alike: the same for every reader, so no
    # credential may reach the origin (and vary them) nor bypass the cache.
    if ((req.url ~ "^/public/" || req.url ~ "^/site/") && req.url !~ "^/public/preview/") {
        if (req.method != "GET" && req.method != "HEAD") {
            return (pass);
        }
        unset req.http.Cookie;
        unset req.http.Authorization;
        return (hash);
    }

    # The API, the desk, previews, health and metrics: straight to the origin.
    return (pass);
}

sub vcl_backend_response {
    if (beresp.http.Set-Cookie) {
        # Someone's session: never stored (and remembered for a while as such,
        # so that requests for it are not queued behind one another).
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    if (!beresp.http.Surrogate-Key) {
        # Nothing could purge it (a 404 for a story not yet published, an
        # error): fetched anew every time rather than cached beyond reach.
        set beresp.uncacheable = true;
        set beresp.ttl = 1s;
        return (deliver);
    }
    set beresp.http.xkey = beresp.http.Surrogate-Key;
    # s-maxage already set the TTL; stale-while-revalidate is the grace.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Cache-Control, ".*stale-while-revalidate=([0-9]+).*", "\1s"),
            10s);
    }
    return (deliver);
}

sub vcl_deliver {
    unset resp.http.xkey;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.xkey-purged = req.http.xkey-purged;
    }
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
