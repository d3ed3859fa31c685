"""One service per WorkOS API area; reach them through :class:`workos_tui.api.WorkOS`."""
