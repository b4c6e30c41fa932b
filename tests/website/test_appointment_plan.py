"""The appointment plan: ticked in a GET form, made from the URL alone, nothing stored."""

import pytest

from django.contrib.sessions.models import Session

from tests.conftest import visible_text
from website.demo import content
from website.models import AppointmentPlanPage

URL = "/my-appointment-plan/"


def plan_text(response):
    """The printed plan alone: from its heading to the form for changing the answers."""
    text = visible_text(response)
    return text.split("My plan for this appointment", 1)[1].split("Nothing you tick is stored")[0]


def test_the_form_offers_the_days_every_factor_and_the_things_tried(demo_site, client):
    response = client.get(URL)
    assert response.status_code == 200
    text = visible_text(response)
    assert "How old is your baby?" in text
    assert "A caesarean birth" in text and "Previous breast surgery" in text
    assert "Hand expressing" in text
    assert "My plan for this appointment" not in text
    assert 'method="get"' in response.content.decode()


def test_ticking_makes_a_plan_with_only_the_questions_that_apply(demo_site, client):
    response = client.get(
        URL, {"day": "5", "factor": ["caesarean-birth", "first-baby"], "tried": ["hand-expressing"]}
    )
    assert response.status_code == 200
    plan = plan_text(response)
    assert "My baby is on day 5 of life." in plan
    assert "A caesarean birth" in plan and "A first baby" in plan
    assert "Thyroid problems" not in plan
    assert "Hand expressing" in plan and "Feeding at night" not in plan
    assert "My baby is more than 72 hours old." in plan
    assert "Could the things I have ticked be slowing my milk" in plan
    assert "How much top-up" not in plan  # nothing ticked means topping up
    assert "In an emergency call 999." in plan


def test_the_plan_has_a_blank_feeding_and_nappy_log(demo_site, client):
    html = client.get(URL, {"day": "2"}).content.decode()
    assert "Feeds and nappies over 24 hours" in html
    assert html.count("<td></td><td></td><td></td><td></td>") == 12


def test_early_days_and_topping_up_change_the_questions(demo_site, client):
    plan = plan_text(
        client.get(URL, {"day": "2", "tried": "topping-up-with-donor-milk-or-formula"})
    )
    assert "more than 72 hours old" not in plan
    assert "Could the things I have ticked" not in plan
    assert "How much top-up should my baby have" in plan


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"day": "abc"}, "Select a valid choice"),
        ({"day": "99"}, "Select a valid choice"),
        ({"factor": "first-baby"}, "This field is required"),
        ({"day": "3", "factor": "no-such-factor"}, "Select a valid choice"),
        ({"day": "3", "tried": "<script>"}, "Select a valid choice"),
    ],
)
def test_bad_choices_answer_400_with_a_message_beside_the_form(demo_site, client, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    text = visible_text(response)
    assert "Please check your answers" in text
    assert message in text
    assert "My plan for this appointment" not in text


def test_nothing_is_stored_and_no_cookie_is_set(demo_site, client):
    response = client.get(URL, {"day": "4", "factor": "thyroid"})
    assert response.status_code == 200
    assert not response.cookies
    assert Session.objects.count() == 0


def test_the_plan_stays_within_its_query_budget(demo_site, client, django_assert_max_num_queries):
    params = {"day": "4", "factor": ["thyroid", "first-baby"], "tried": "hand-expressing"}
    client.get(URL, params)
    with django_assert_max_num_queries(12):
        assert client.get(URL, params).status_code == 200


def test_the_home_page_leads_to_the_plan(demo_site, client):
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_demo_plan_page_offers_what_the_demo_content_lists(demo_site):
    page = AppointmentPlanPage.objects.get()
    assert [label for _, label in page.tried_choices()] == [
        label for label, _ in content.APPOINTMENT_PLAN["tried"]
    ]
