"""Pure rules over plain values: no session, no Qt. The heart of the product."""
