"""A role's pay block: its own figures, the official ones of the roles it is compared with, or a stand-in's, said so."""

from __future__ import annotations

from generator.content.checker import Content
from generator.content.models.careers import Role
from generator.pages.evidence import Evidence
from generator.pages.glance import RoleGlance
from generator.pages.site import Linker
from generator.pages.views import Backlinks, EntityViews
from tests.pages.conftest import pay_block


def test_a_variant_without_figures_shows_those_of_the_role_it_varies(rendered: dict[str, str]) -> None:
    block = pay_block(rendered["roles/applied-ml-engineer.md"])
    assert "No source gives a pay figure for this role itself" in block
    assert "[Machine Learning Engineer](<ml-engineer.md>), which it is a variant of" in block
    assert "- **" in block  # at least one figure, each with its fact entry
    assert "No pay figure is recorded" not in block


def test_a_starting_point_shows_the_pay_of_the_first_job_its_path_leads_to(content: Content) -> None:
    views = _views(content)
    glance = RoleGlance(views)
    student = content.entities["roles"]["student"]
    assert isinstance(student, Role)
    assert glance.stand_in("student", student) == ("ml-engineer", "junior", "the first job its path leads to")
    pay = glance.pay("roles/student.md", "student", student, [])
    assert pay["instead"]["role"].href == "ml-engineer.md" and pay["level"].text.startswith("Junior")
    figures = glance.glance("roles/student.md", student, [], pay)["figures"]
    first_article = next(row for row in figures if not row["official"])
    assert first_article["level"] == pay["level"]  # after the official figures, the first job's own


def test_a_role_with_figures_of_its_own_keeps_them(content: Content) -> None:
    views = _views(content)
    glance = RoleGlance(views)
    role = content.entities["roles"]["ml-engineer"]
    assert isinstance(role, Role)
    own = views.fact_rows("roles/ml-engineer.md", views.facts_about("ml-engineer"))
    pay = glance.pay("roles/ml-engineer.md", "ml-engineer", role, own)
    assert pay["instead"] is None and pay["all"] == "#facts" and pay["facts"][: len(own)] == own


def _views(content: Content) -> EntityViews:
    link = Linker(content)
    return EntityViews(content, link, Backlinks(content), Evidence(content, link))


def test_a_starting_role_without_figures_shows_the_pay_of_the_job_its_path_leads_to(rendered: dict[str, str]) -> None:
    block = pay_block(rendered["roles/data-analyst.md"])
    assert (
        "These are the figures of the [Machine Learning Engineer](<ml-engineer.md>), the job its path leads to" in block
    )


def test_the_data_engineer_leads_with_its_nearest_official_occupation(rendered: dict[str, str]) -> None:
    block = pay_block(rendered["roles/data-engineer.md"])
    figures = [line for line in block.splitlines() if line.startswith("- **")]
    assert "No source gives a pay figure" not in block
    assert "database architects, an official occupation that counts data engineers, in May 2024" in figures[0]
