# Varnish in front of gunicorn for Milk Supply Help (Debian's varnish package, VCL 4.1).
# nginx terminates TLS and buffers slow clients, then hands requests here; what Django marks
# `public` (core/http_cache.py) is kept for its s-maxage, and the site purges it the moment
# an editor publishes (website/frontend_cache.py, through FRONTEND_CACHE_PURGE_URL).
# Render it with `python -m deploy.varnish_config`, which fills in the @-delimited names.
vcl 4.1;

import directors;
import std;

# Every app server answers /healthz while its process runs; one that stops is left out.
# A busy server is not a dead one: with every sync worker taken, a probe waits in the queue,
# so it has 10 s to answer and a server is only left out after 5 of 6 probes fail. (With a
# 2 s timeout, a saturated server was declared sick and every cache miss got a 503.)
probe healthz {
    .url = "/healthz";
    .interval = 5s;
    .timeout = 10s;
    .window = 6;
    .threshold = 2;
    .initial = 2;  # healthy from the start, not after the first probes
}

# The app servers (gunicorn), rendered one block each.
@BACKENDS@

sub vcl_init {
    new app_servers = directors.round_robin();
@DIRECTOR_MEMBERS@
}

# Only the app servers on this machine may purge, never a visitor through nginx.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app_servers.backend();
    # The host without a port: pages are cached and purged under the site's name alone.
    set req.http.X-Milk-Host = std.tolower(regsub(req.http.Host, ":[0-9]+$", ""));

    if (req.method == "PURGE") {
        if (client.ip !~ purgers || req.http.X-Real-IP) {
            return (synth(405, "Not allowed"));
        }
        if (req.http.X-Purge-Scope == "site") {
            # The site settings or the menu changed: they show on every page of the host.
            ban("obj.http.X-Milk-Host == " + req.http.X-Milk-Host);
            return (synth(200, "Site purged"));
        }
        # A path with every query string: a paginated listing, every directory search.
        ban("obj.http.X-Milk-Host == " + req.http.X-Milk-Host +
            " && obj.http.X-Milk-Path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Only what nginx forwarded over HTTPS is cached; anything else is redirected by Django.
    if (req.http.X-Forwarded-Proto != "https") {
        return (pass);
    }
    if (req.url ~ "^/(admin|django-admin|documents)/") {
        return (pass);
    }
    # A session means a signed-in editor: their pages carry the user bar and drafts.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Other cookies (a CSRF token from an earlier form) change nothing Django sends an
    # anonymous visitor, so they do not split the cache; a form page sets a new token.
    unset req.http.Cookie;
    # The site has one language (LANGUAGES in settings) but Django varies on
    # Accept-Language; dropping it keeps one copy per URL. Remove this with a second language.
    unset req.http.Accept-Language;
    # Past its lifetime a cached answer is refreshed before it is served, unless the app
    # servers are sick: then it is served for up to a day (beresp.grace) rather than an error.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.X-Milk-Host);
    return (lookup);
}

sub vcl_backend_response {
    # Recorded on the object so that purges are bans the ban lurker can clear by itself.
    set beresp.http.X-Milk-Host = bereq.http.X-Milk-Host;
    set beresp.http.X-Milk-Path = regsub(bereq.url, "\?.*$", "");
    set beresp.grace = 24h;
    # Varnish's built-in logic follows: nothing with Set-Cookie, private, no-cache or
    # no-store is kept, and s-maxage gives the lifetime.
}

sub vcl_deliver {
    unset resp.http.X-Milk-Host;
    unset resp.http.X-Milk-Path;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
