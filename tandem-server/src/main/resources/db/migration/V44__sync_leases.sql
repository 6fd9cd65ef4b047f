-- Cluster-wide leases (e.g. "only one node polls Salesforce at a time"): a node holds a lease until it expires.
CREATE TABLE sync_leases (
    name        VARCHAR(100) PRIMARY KEY,
    holder      VARCHAR(100) NOT NULL,
    held_until  TIMESTAMP WITH TIME ZONE NOT NULL
);
