# docker-compose's part of the edge (see docker-compose.yml): the origin is the
# API service, and only the projector may purge. A name in an ACL resolves when
# the VCL loads, to every address it has then (each projector replica); a
# projector replaced later gets a new address: reload the VCL, or name the
# network's subnet here instead.
backend origin {
    .host = "api";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "localhost";
    "projector";
}
