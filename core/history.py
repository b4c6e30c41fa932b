"""History for content created in bulk: the first revision an editor can go back to."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.log_actions import registry as log_registry
from wagtail.models import Revision

CREATED = "wagtail.create"
PUBLISHED = "wagtail.publish"


def revisions_record_created(*, objects: list, published: bool, user=None) -> None:
    """Give newly saved snippets the revision and History entries creating them in the admin would.

    For loaders that save thousands of rows at once (`bulk_create` runs no Wagtail code):
    each object gets a first revision of itself, set as its latest (and, when published,
    live) revision, and logged "Created" (and "Published") with that revision, so History
    offers to compare with it and revert to it. A few queries per batch, not per object.
    """
    objects = [obj for obj in objects if obj.pk is not None]
    if not objects:
        return
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=ContentType.objects.get_for_model(obj),
                base_content_type=obj.get_base_content_type(),
                object_id=str(obj.pk),
                user=user,
                content=obj.serializable_data(),
                object_str=str(obj),
                created_at=now,
            )
            for obj in objects
        ]
    )
    for obj, revision in zip(objects, revisions, strict=True):
        obj.latest_revision = revision
        if published:
            obj.live_revision = revision
    # One UPDATE that points each row at its new revision (bulk_update's CASE per row is
    # far slower for thousands of rows).
    model = type(objects[0])
    newest = Subquery(
        Revision.objects.filter(
            base_content_type=objects[0].get_base_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by("-pk")
        .values("pk")[:1]
    )
    changes = {"latest_revision_id": newest}
    if published:
        changes["live_revision_id"] = newest
    model._default_manager.filter(pk__in=[obj.pk for obj in objects]).update(**changes)

    entries_by_model = {}
    for obj, revision in zip(objects, revisions, strict=True):
        log_model = log_registry.get_log_model_for_instance(obj)
        content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        shared = {
            "content_type": content_type,
            "object_id": str(obj.pk),
            "label": log_model.objects.get_instance_title(obj),
            "timestamp": now,
            "user": user,
            "revision": revision,
            "uuid": uuid.uuid4(),  # one action, as the admin groups it
        }
        actions = [(CREATED, True)] + ([(PUBLISHED, False)] if published else [])
        entries_by_model.setdefault(log_model, []).extend(
            log_model(action=action, content_changed=changed, **shared)
            for action, changed in actions
        )
    for log_model, entries in entries_by_model.items():
        log_model.objects.bulk_create(entries, batch_size=1000)
