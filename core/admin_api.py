"""Wagtail's admin API, shown to each role as its screens are: no more.

Wagtail's image and document endpoints list every item in a collection the API user may
see, whatever their permissions; a directory manager, who cannot open the image or document
screens, could list them all. These endpoints keep only what the user may choose, add,
change or delete, by the same permission policies the screens use.
"""

from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

ACTIONS = ["choose", "add", "change", "delete"]


class ImagesForRoleViewSet(ImagesAdminAPIViewSet):
    def get_queryset(self):
        policy = policy_registry.get_by_type(get_image_model())
        allowed = policy.instances_user_has_any_permission_for(self.request.user, ACTIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class DocumentsForRoleViewSet(DocumentsAdminAPIViewSet):
    def get_queryset(self):
        policy = policy_registry.get_by_type(get_document_model())
        allowed = policy.instances_user_has_any_permission_for(self.request.user, ACTIONS)
        return super().get_queryset().filter(pk__in=allowed.values("pk"))
