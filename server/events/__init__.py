"""Socket.IO handlers. Who a socket is gets settled once, at connect."""
