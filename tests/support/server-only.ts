// Stand-in for the "server-only" marker package in Vitest (Node has no react-server condition).
export {};
