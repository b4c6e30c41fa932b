"""A place's position on the unit sphere, as PostgreSQL's `cube`: the one home of the SQL.

The directory's GiST indexes (migrations 0003, 0008 and 0009) are built on this expression
of a row's own `latitude` and `longitude`, and the searches that walk them
(`selectors.Nearness`, `selectors.WithinReach`, `selectors.place_nearest`) must write the
very same expression for PostgreSQL to use the index. `<->` between two such points is the
straight-line distance through the sphere, which orders points as the great-circle
distance does. (A change here needs a migration that rebuilds those indexes.)
"""

UNIT_SPHERE_POSITION = (
    "cube(cube(cube(COS(RADIANS({lat})) * COS(RADIANS({lon}))), "
    "COS(RADIANS({lat})) * SIN(RADIANS({lon}))), SIN(RADIANS({lat})))"
)
# As the indexes are written: on the row's own columns.
POSITION_OF_ROW = UNIT_SPHERE_POSITION.format(lat="latitude", lon="longitude")
