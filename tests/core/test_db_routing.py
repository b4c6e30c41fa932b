"""Which reads may go to a read replica (core/db_routing.py).

The router's rules, one at a time. The test database stands in for a replica here (its
alias listed in DATABASE_READ_REPLICAS), so "routed" reads the alias back and "left to the
primary" reads None, Django's "no opinion". tests/deploy/test_read_replica.py runs a real
PostgreSQL streaming replica under production settings.
"""

import pytest

from django.db import transaction
from django.test import override_settings

from core.db_routing import ReadReplicaRouter, reads_from_replica, replica_reads
from help_contacts.models import Consultant, Place
from website.models import HomePage

STAND_IN = "default"
router = ReadReplicaRouter()


@pytest.fixture
def outside_a_transaction(django_db_setup, django_db_blocker):
    """The test database, without the transaction a database test runs in (a read inside
    one never goes to a replica), and without flushing it afterwards: nothing is written."""
    with django_db_blocker.unblock():
        yield


def test_without_replicas_every_read_goes_to_the_primary():
    with replica_reads():
        assert router.db_for_read(Consultant) is None


@override_settings(DATABASE_READ_REPLICAS=[STAND_IN])
def test_only_marked_reads_of_directory_models_go_to_a_replica(outside_a_transaction):
    assert router.db_for_read(Consultant) is None  # not asked for
    with replica_reads():
        assert router.db_for_read(Consultant) == STAND_IN
        assert router.db_for_read(Place) == STAND_IN
        assert router.db_for_read(HomePage) is None  # pages are never read from one
    assert router.db_for_read(Consultant) is None  # the mark ends with the block

    @reads_from_replica
    def view():
        return router.db_for_read(Consultant)

    assert view() == STAND_IN


@override_settings(DATABASE_READ_REPLICAS=[STAND_IN])
def test_reads_inside_a_transaction_stay_on_the_primary(outside_a_transaction):
    with replica_reads():
        with transaction.atomic():
            assert router.db_for_read(Consultant) is None
        assert router.db_for_read(Consultant) == STAND_IN


@override_settings(DATABASE_READ_REPLICAS=["replica_1"])
def test_writes_and_migrations_go_to_the_primary_only():
    with replica_reads():
        assert router.db_for_write(Consultant) == "default"
    assert router.allow_migrate("default", "help_contacts") is True
    assert router.allow_migrate("replica_1", "help_contacts") is False
