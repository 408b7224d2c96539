# docker-compose's origin and purgers (see docker-compose.yml): the API
# service, and the compose network's private addresses (the projector).
backend origin {
    .host = "api";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "localhost";
    "10.0.0.0"/8;
    "172.16.0.0"/12;
    "192.168.0.0"/16;
}
