"""Directory data in and out: Open Referral HSDS 3.0 JSON and CSV, one listing per record."""
