/**
 * The device cookie (SPEC §5.1): `POST /api/v1/login` sets it to a device token after a successful
 * login, for its own path only, and honours it on the next login from that browser; the CLI keeps
 * the token in its config and sends it back the same way, as this cookie.
 */
export const DEVICE_COOKIE = "cohort_device";
export const DEVICE_COOKIE_PATH = "/api/v1/login";
