"""Everything the four source articles say about the role is represented in the content, and cited.

The checklists below were written by hand from reading each article: every heading and list item is
mapped to the entity (kind folder, id) that represents it. Each entity must exist and must cite that
article. The tests also check a few invariants over all content (facts carry source/value/period; the
core kinds cite at least one source). Only PyYAML is used, so the checks do not depend on the generator.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CONTENT = REPO / "content"

SHANKAR = "shankar-2024-how-to-become-ml-engineer"
CAREER_PATH = "ml-engineer-responsibilities-skills-career-path"
KUMAR = "kumar-ml-engineer"
SKILLS_2024 = "ml-engineer-skills-challenges-opportunities"

Item = tuple[str, str, str]
"""(what the article says: heading or list item, kind folder, entity id)."""

# --- 000: "How to Become a Machine Learning Engineer" (Ramya Shankar) ---------------------------------
SHANKAR_ITEMS: list[Item] = [
    ("What is machine learning?", "faqs", "what-is-machine-learning"),
    ("What is machine learning? (branch of AI)", "terms", "ml"),
    ("AI", "terms", "ai"),
    ("Who is a machine learning engineer?", "roles", "ml-engineer"),
    (
        "Demand grew ten-fold over eight years, more than data scientists",
        "facts",
        "demand-grew-ten-fold-in-eight-years",
    ),
    ("Indeed: typically earns about $146,085", "facts", "indeed-analysis-typical-salary"),
    ("Entry-level earns up to $98000", "facts", "entry-level-salary-up-to-98000"),
    ("Most popularity between 2018-2019", "facts", "popularity-peak-2018-2019"),
    ("Demand for data analysis grew; the ML engineer concept arose", "faqs", "how-did-the-ml-engineer-role-come-about"),
    ("Companies are data-driven", "trends", "data-driven-decision-making"),
    ("MLEs can pitch in for a data scientist's role", "transitions", "ml-engineer-to-data-scientist"),
    ("Data Scientist vs. Machine Learning Engineer", "comparisons", "data-scientist-vs-ml-engineer"),
    ("Data Scientist", "roles", "data-scientist"),
    ("Define a business problem and gather data", "responsibilities", "define-business-problem-and-gather-data"),
    ("Cleaning and removing errors from unstructured data", "responsibilities", "clean-unstructured-data"),
    ("Overall solution and the big picture", "responsibilities", "frame-the-overall-solution"),
    ("In-depth analysis of datasets", "responsibilities", "data-processing-and-analysis"),
    ("Prepare reports, charts and other visualizations", "responsibilities", "prepare-reports-and-visualizations"),
    ("Developing prototypes to be shown to stakeholders", "responsibilities", "develop-and-present-prototypes"),
    ("Use the best technologies to build models and test them", "responsibilities", "model-training-and-optimization"),
    ("Business and domain knowledge", "skills", "domain-knowledge"),
    ("Data analysis techniques", "skills", "data-analysis"),
    ("Career Paths: ML software engineer", "roles", "ml-software-engineer"),
    ("Career Paths: Applied ML engineer", "roles", "applied-ml-engineer"),
    ("Career Paths: Core ML engineer", "roles", "core-ml-engineer"),
    ("Career Paths", "faqs", "what-career-paths-can-an-ml-engineer-take"),
    ("Computer science basics", "skills", "computer-science-fundamentals"),
    ("System design and development", "skills", "system-design-and-development"),
    ("Software engineering architecture", "skills", "software-architecture"),
    ("Exceptional data management skills", "skills", "data-management"),
    ("Extensive data modeling and data architecture skills", "skills", "data-modeling"),
    ("Extensive data modeling and data architecture skills", "skills", "data-architecture"),
    ("Programming experience in Python, R, or Java", "tools", "python"),
    ("Programming experience in Python, R, or Java", "tools", "r"),
    ("Programming experience in Python, R, or Java", "tools", "java"),
    ("Machine learning frameworks such as TensorFlow or Keras", "tools", "tensorflow"),
    ("Machine learning frameworks such as TensorFlow or Keras", "tools", "keras"),
    ("Knowledge of Hadoop or other distributed computing systems", "tools", "hadoop"),
    ("Knowledge of Hadoop or other distributed computing systems", "skills", "distributed-systems"),
    ("Experience working in an Agile environment", "skills", "agile"),
    ("Advanced math skills", "skills", "applied-mathematics"),
    ("Advanced math: linear algebra", "skills", "linear-algebra"),
    ("Advanced math: Bayesian statistics", "skills", "bayesian-statistics"),
    ("Advanced math: group theory", "skills", "group-theory"),
    ("Strong written and verbal communication", "skills", "communication"),
    ("Choose the right algorithm", "responsibilities", "algorithm-analysis-and-selection"),
    ("Design and develop machine learning systems", "responsibilities", "design-and-implement-ml-systems"),
    ("Research new technologies to create, train and test models", "responsibilities", "research-new-technologies"),
    ("Perform tests and statistical analysis to improve accuracy", "responsibilities", "testing-and-validation"),
    (
        "Perform tests and statistical analysis to improve accuracy",
        "responsibilities",
        "statistical-analysis-and-data-insight",
    ),
    ("Tweak existing algorithms or create new ones", "responsibilities", "create-and-tweak-algorithms"),
    ("Extend existing frameworks and libraries", "responsibilities", "extend-frameworks-and-libraries"),
    ("Show and explain prototypes", "responsibilities", "develop-and-present-prototypes"),
    ("Keep updated on new technological trends", "responsibilities", "stay-current-with-ml-advances"),
    ("You can't gather all the skills from day 1", "challenges", "mastering-a-demanding-skill-set"),
    ("Entry-level ML engineer", "levels", "junior"),
    ("Data structures, algorithms", "skills", "data-structures-and-algorithms"),
    ("SDLC", "skills", "software-development-lifecycle"),
    ("SDLC", "terms", "sdlc"),
    ("Statistics, math, probability", "skills", "statistics-and-probability"),
    ("Deep learning and AI technologies", "skills", "deep-learning"),
    ("Java, R, Python, C++, Scala", "skills", "programming"),
    ("C++", "tools", "cpp"),
    ("Scala", "tools", "scala"),
    ("ML frameworks like TensorFlow, Keras, PyTorch", "tools", "pytorch"),
    ("ML frameworks", "skills", "ml-frameworks-and-libraries"),
    ("Analytical thinking", "skills", "analytical-thinking"),
    ("Problem-solving attitude", "skills", "problem-solving"),
    ("Libraries like scikit-learn, mlpack, Theano", "tools", "scikit-learn"),
    ("Libraries like scikit-learn, mlpack, Theano", "tools", "mlpack"),
    ("Libraries like scikit-learn, mlpack, Theano", "tools", "theano"),
    ("Ability to work in a team", "skills", "teamwork"),
    ("Conclusion: healthcare, e-commerce, finance", "trends", "industry-adoption-of-ml"),
    ("Conclusion: more in demand", "opportunities", "high-demand"),
    ("Conclusion: keep up-skilling", "skills", "willingness-to-learn"),
    ("FAQ: what is an ML engineer", "faqs", "what-is-an-ml-engineer"),
    ("FAQ: how long to become an ML engineer", "faqs", "how-long-does-it-take-to-become-an-ml-engineer"),
    ("FAQ: 4 years plus a few months", "facts", "bachelors-route-four-years"),
    ("FAQ: bootcamps", "terms", "bootcamp"),
    ("FAQ: skills required", "faqs", "what-skills-does-an-ml-engineer-need"),
    ("FAQ: neural networks", "skills", "neural-networks"),
    ("FAQ: natural language processing", "skills", "natural-language-processing"),
    ("FAQ: data modeling and evaluation", "skills", "model-evaluation-and-validation"),
    ("FAQ: salary", "faqs", "how-much-does-an-ml-engineer-earn"),
    ("FAQ: INR 10 lakhs per annum in India", "facts", "india-average-salary-10-lakh"),
    ("FAQ: $1.4 lakhs per year in the United States", "facts", "us-average-salary-1-4-lakh-dollars"),
    ("FAQ: lakh", "terms", "lakh"),
    ("FAQ: INR", "terms", "inr"),
]

# --- 001: "Machine Learning Engineer: Responsibilities, Skills, and Career Path" ----------------------
CAREER_PATH_ITEMS: list[Item] = [
    ("Defining the Role", "roles", "ml-engineer"),
    ("Conducting experiments", "responsibilities", "run-ml-experiments"),
    ("Designing and Implementing Machine Learning Systems", "responsibilities", "design-and-implement-ml-systems"),
    ("Documentation and Workflow Management", "responsibilities", "documentation-and-workflow-management"),
    ("Prototype Evaluation and Refinement", "responsibilities", "prototype-evaluation-and-refinement"),
    ("Algorithm Analysis and Selection", "responsibilities", "algorithm-analysis-and-selection"),
    ("Algorithm Analysis and Selection: extend libraries", "responsibilities", "extend-frameworks-and-libraries"),
    ("Statistical Analysis and Data Insight", "responsibilities", "statistical-analysis-and-data-insight"),
    ("Model Training and Optimization", "responsibilities", "model-training-and-optimization"),
    ("Testing and Validation", "responsibilities", "testing-and-validation"),
    ("Data Processing and Analysis", "responsibilities", "data-processing-and-analysis"),
    ("Data mining", "skills", "data-mining"),
    ("Exploratory data analysis", "skills", "exploratory-data-analysis"),
    ("Exploratory data analysis", "terms", "eda"),
    ("Visualization techniques", "skills", "data-visualization"),
    ("Performance Evaluation", "responsibilities", "performance-evaluation"),
    ("Data Selection and Curation", "responsibilities", "data-selection-and-curation"),
    ("Big Data Technologies (responsibility)", "responsibilities", "big-data-processing"),
    ("Monitoring and Maintenance", "responsibilities", "monitoring-and-maintenance"),
    ("Framework and Library Expertise", "skills", "ml-frameworks-and-libraries"),
    ("Developing and deploying ML systems", "responsibilities", "model-deployment"),
    ("Data structures, software architecture, math, statistics, algorithms", "skills", "software-architecture"),
    ("Programming Languages", "skills", "programming"),
    ("Machine Learning Frameworks: TensorFlow", "tools", "tensorflow"),
    ("Machine Learning Frameworks: PyTorch", "tools", "pytorch"),
    ("Machine Learning Frameworks: scikit-learn", "tools", "scikit-learn"),
    ("Machine Learning Frameworks: Keras", "tools", "keras"),
    ("Big Data Technologies", "skills", "big-data-technologies"),
    ("Big Data Technologies: Hadoop", "tools", "hadoop"),
    ("Big Data Technologies: Spark", "tools", "spark"),
    ("Cloud Computing", "skills", "cloud-computing"),
    ("Cloud Computing: AWS", "tools", "aws"),
    ("Cloud Computing: Google Cloud Platform", "tools", "google-cloud-platform"),
    ("Statistical Modeling", "skills", "statistical-modeling"),
    ("Statistical Modeling: probability theory", "skills", "statistics-and-probability"),
    ("Statistical Modeling: regression analysis", "skills", "regression"),
    ("Statistical Modeling: hypothesis testing", "skills", "hypothesis-testing"),
    ("Machine Learning Algorithms", "skills", "machine-learning-algorithms"),
    ("Supervised learning", "skills", "supervised-learning"),
    ("Unsupervised learning", "skills", "unsupervised-learning"),
    ("Ensemble methods", "skills", "ensemble-methods"),
    ("Data Preprocessing", "skills", "data-preprocessing"),
    ("Evaluation Techniques", "skills", "evaluation-metrics"),
    ("Evaluation Techniques: F1 score", "terms", "f1-score"),
    ("Distributed Systems", "skills", "distributed-systems"),
    ("Distributed Systems: Apache Kafka", "tools", "kafka"),
    ("Distributed Systems: Apache Flink", "tools", "flink"),
    ("Communication", "skills", "communication"),
    ("Problem-Solving", "skills", "problem-solving"),
    ("Teamwork", "skills", "teamwork"),
    ("Analytical Thinking", "skills", "analytical-thinking"),
    ("Strategic Thinking", "skills", "strategic-thinking"),
    ("Project Management", "skills", "project-management"),
    ("Interpersonal Skills", "skills", "interpersonal-skills"),
    ("Mentoring and Leadership", "skills", "mentoring-and-leadership"),
    ("The Role of a Principal Machine Learning Engineer", "levels", "principal"),
    ("The Role of a Principal Machine Learning Engineer", "faqs", "what-does-a-principal-ml-engineer-do"),
    ("Principal: cutting-edge solutions, advancing the field", "responsibilities", "pioneer-cutting-edge-ml"),
    (
        "Key Responsibilities: drive development and deployment",
        "responsibilities",
        "drive-ml-development-and-deployment",
    ),
    ("Key Responsibilities: identify business problems", "responsibilities", "identify-ml-opportunities"),
    ("Key Responsibilities: scalability and reliability", "responsibilities", "ensure-scalability-and-reliability"),
    ("Key Responsibilities: oversee a team", "responsibilities", "build-and-lead-ml-team"),
    ("Key Responsibilities: project management", "responsibilities", "manage-ml-projects"),
    (
        "Key Responsibilities: liaison between stakeholders",
        "responsibilities",
        "bridge-technical-and-business-stakeholders",
    ),
    ("Key Responsibilities: strategic planning", "responsibilities", "shape-ml-strategy"),
    (
        "Key Responsibilities: mentoring and knowledge sharing",
        "responsibilities",
        "foster-innovation-and-knowledge-sharing",
    ),
    ("Key Responsibilities: papers, conferences, open source", "responsibilities", "contribute-to-ml-community"),
    (
        "The Intersection of Machine Learning and Leadership: balance",
        "challenges",
        "balancing-technical-and-management-duties",
    ),
    ("Ethical implications, biases in algorithms", "responsibilities", "promote-ethical-ml"),
    ("Career Outlook and Salary: demand", "opportunities", "high-demand"),
    ("Career Outlook and Salary: highest-paid", "opportunities", "high-earning-potential"),
    ("Career Outlook: SMART technology and ecommerce", "trends", "smart-technology-and-ecommerce"),
    ("$105,000 to $160,000", "facts", "us-salary-range-105000-160000"),
    ("Indeed Salaries: $131,076", "facts", "indeed-salaries-average-salary"),
    ("Levels of Experience: Junior", "levels", "junior"),
    ("Junior: assisting with data preparation", "responsibilities", "assist-with-data-preparation"),
    ("Junior: basic model building", "responsibilities", "build-basic-models"),
    ("Junior: willingness to learn and grow", "skills", "willingness-to-learn"),
    ("Levels of Experience: Senior", "levels", "senior"),
    ("Senior: leading projects", "responsibilities", "lead-ml-projects"),
    ("Senior: mentoring other developers", "responsibilities", "mentor-team-members"),
    ("Senior: overall development process", "responsibilities", "own-ml-development-process"),
    ("Senior: architectural decisions", "responsibilities", "make-architecture-decisions"),
    ("Senior: collaborating with stakeholders", "responsibilities", "collaborate-with-stakeholders"),
    ("Senior: driving the team towards project goals", "responsibilities", "drive-team-toward-goals"),
    ("Levels of Experience", "transitions", "junior-to-senior-ml-engineer"),
    ("Levels of Experience", "faqs", "what-levels-of-ml-engineer-are-there"),
    ("One to two years of related experience", "facts", "related-experience-1-to-2-years"),
    ("Education", "faqs", "what-education-does-an-ml-engineer-need"),
    ("Impact on a Business: data management strategies", "responsibilities", "oversee-data-management-strategy"),
    ("Impact on a Business: allocation of resources", "responsibilities", "optimize-resource-allocation"),
    ("Future: explainable AI", "trends", "explainable-ai"),
    ("Future: federated learning", "trends", "federated-learning"),
    ("Future: reinforcement learning", "trends", "reinforcement-learning"),
    ("Future: ethical considerations in AI", "trends", "ethics-in-ai"),
    ("Future: data privacy regulations", "trends", "data-privacy-regulations"),
    ("Future: responsible use of AI", "trends", "responsible-ai"),
]

# --- 002: "ML Engineer" (Kishan Kumar) -----------------------------------------------------------------
KUMAR_ITEMS: list[Item] = [
    ("ML Engineer (definition)", "roles", "ml-engineer"),
    ("What Does a Machine Learning Engineer Do?", "faqs", "what-is-an-ml-engineer"),
    ("Designing machine learning systems", "responsibilities", "design-and-implement-ml-systems"),
    ("Assess, analyze, and organize data", "responsibilities", "data-processing-and-analysis"),
    ("Execute tests", "responsibilities", "testing-and-validation"),
    ("Optimize the learning process", "responsibilities", "model-training-and-optimization"),
    ("Executing tests and experiments", "responsibilities", "run-ml-experiments"),
    ("Monitoring and optimizing machine learning processes", "responsibilities", "monitoring-and-maintenance"),
    ("Generate and develop algorithms", "responsibilities", "create-and-tweak-algorithms"),
    ("Where Do Machine Learning Engineers Come From?", "faqs", "where-do-ml-engineers-come-from"),
    ("Indeed study: Data Scientist", "roles", "data-scientist"),
    ("Indeed study: Software Engineer", "roles", "software-engineer"),
    ("Indeed study: Data Analyst", "roles", "data-analyst"),
    ("Indeed study: Data Engineer", "roles", "data-engineer"),
    ("More than 60 percent from computer science or engineering", "facts", "cs-engineering-background-over-60-percent"),
    ("Almost twice as likely as Data Scientists", "facts", "cs-engineering-background-twice-data-scientists"),
    ("Most likely prior job title: Software Engineer", "transitions", "software-engineer-to-ml-engineer"),
    ("New pathways to a Machine Learning Engineer", "opportunities", "new-routes-into-the-role"),
    ("Solid foundation in math", "skills", "applied-mathematics"),
    ("Solid foundation in computer science", "skills", "computer-science-fundamentals"),
    ("Supervised learning", "skills", "supervised-learning"),
    ("Unsupervised learning", "skills", "unsupervised-learning"),
    ("Deep learning", "skills", "deep-learning"),
    ("Regression", "skills", "regression"),
    ("Classification", "skills", "classification"),
    ("Clustering methods", "skills", "clustering"),
    ("Neural networks", "skills", "neural-networks"),
    ("Characteristics of a Successful Machine Learning Engineer", "faqs", "what-traits-make-a-successful-ml-engineer"),
    ("They're Solid Computer Programmers", "skills", "solid-programmer"),
    ("Languages: C++", "tools", "cpp"),
    ("Languages: Java", "tools", "java"),
    ("Languages: Python", "tools", "python"),
    ("Languages: R", "tools", "r"),
    ("Languages: Lisp", "tools", "lisp"),
    ("Languages: Prolog", "tools", "prolog"),
    # Kumar names HTML and JavaScript only as languages an ML engineer need not master, so they are not tools of
    # the role: the remark lives in the solid-programmer skill (and HTML in the glossary).
    ("Not necessarily experts in HTML", "skills", "solid-programmer"),
    ("Not necessarily experts in HTML", "terms", "html"),
    ("Not necessarily experts in JavaScript", "skills", "solid-programmer"),
    ("They Love the Iterative Process", "skills", "loves-iterative-process"),
    ("Understanding of when it's time to stop", "skills", "knows-when-to-stop-iterating"),
]

# --- 003: "Machine Learning Engineer: Skills, Challenges, and Opportunities" --------------------------
SKILLS_2024_ITEMS: list[Item] = [
    (
        "Introduction: designing, implementing and maintaining complex algorithms",
        "responsibilities",
        "create-and-tweak-algorithms",
    ),
    ("Strong Programming Skills", "skills", "programming"),
    ("Strong Programming Skills: Python, R, Java", "tools", "python"),
    ("Strong Programming Skills: TensorFlow, PyTorch, scikit-learn", "skills", "ml-frameworks-and-libraries"),
    ("Statistical Knowledge", "skills", "statistics-and-probability"),
    ("Statistical Knowledge: hypothesis testing", "skills", "hypothesis-testing"),
    ("Statistical Knowledge: linear algebra", "skills", "linear-algebra"),
    ("Statistical Knowledge: calculus", "skills", "calculus"),
    ("Data Wrangling and Preprocessing", "skills", "data-preprocessing"),
    ("Data Wrangling and Preprocessing: feature engineering", "skills", "feature-engineering"),
    ("Data Wrangling and Preprocessing: dimensionality reduction", "skills", "dimensionality-reduction"),
    ("Machine Learning Algorithms", "skills", "machine-learning-algorithms"),
    ("Machine Learning Algorithms: supervised learning", "skills", "supervised-learning"),
    ("Machine Learning Algorithms: unsupervised learning", "skills", "unsupervised-learning"),
    ("Machine Learning Algorithms: reinforcement learning", "skills", "reinforcement-learning"),
    ("Machine Learning Algorithms: deep learning", "skills", "deep-learning"),
    ("Model Evaluation and Validation", "skills", "model-evaluation-and-validation"),
    ("Model Evaluation and Validation: cross-validation", "skills", "cross-validation"),
    ("Model Evaluation and Validation: hyperparameter tuning", "skills", "hyperparameter-tuning"),
    ("Model Evaluation and Validation: accuracy, precision, recall, F1", "skills", "evaluation-metrics"),
    ("Software Engineering Principles", "skills", "software-engineering-principles"),
    ("Software Engineering Principles: version control", "skills", "version-control"),
    ("Software Engineering Principles: debugging", "skills", "debugging"),
    ("Software Engineering Principles: testing", "skills", "software-testing"),
    ("Software Engineering Principles: deployment pipelines", "skills", "deployment-pipelines"),
    ("Domain Knowledge", "skills", "domain-knowledge"),
    ("Data Quality and Quantity", "challenges", "data-quality-and-quantity"),
    ("Model Interpretability", "challenges", "model-interpretability"),
    ("Overfitting and Underfitting", "challenges", "overfitting-and-underfitting"),
    ("Overfitting", "terms", "overfitting"),
    ("Underfitting", "terms", "underfitting"),
    ("Regularization techniques", "terms", "regularization"),
    ("Computational Resources", "challenges", "computational-resources"),
    ("Computational Resources: GPUs", "tools", "gpu"),
    ("Computational Resources: TPUs", "tools", "tpu"),
    ("Ethical and Legal Considerations", "challenges", "ethical-and-legal-considerations"),
    ("Ethical and Legal Considerations: GDPR", "terms", "gdpr"),
    ("Ethical and Legal Considerations: HIPAA", "terms", "hipaa"),
    ("Ethical and Legal Considerations: regulations", "trends", "data-privacy-regulations"),
    ("Continuous Learning and Adaptation", "challenges", "continuous-learning-and-adaptation"),
    ("Diverse Applications", "opportunities", "diverse-applications"),
    ("High Demand", "opportunities", "high-demand"),
    ("High Demand: data-driven decision-making", "trends", "data-driven-decision-making"),
    ("Innovation and Impact", "opportunities", "innovation-and-impact"),
    ("Continuous Learning", "opportunities", "continuous-learning"),
    ("Career Growth", "opportunities", "career-growth"),
    ("Career Growth: entry-level to senior leadership", "transitions", "senior-to-principal-ml-engineer"),
    ("Conclusion: mindset of continuous learning", "skills", "willingness-to-learn"),
    ("Challenges", "faqs", "what-are-the-main-challenges-of-the-job"),
]

CHECKLIST: dict[str, list[Item]] = {
    SHANKAR: SHANKAR_ITEMS,
    CAREER_PATH: CAREER_PATH_ITEMS,
    KUMAR: KUMAR_ITEMS,
    SKILLS_2024: SKILLS_2024_ITEMS,
}

CASES = [
    pytest.param(source, heading, kind, entity_id, id=f"{source[:12]}:{kind}/{entity_id}")
    for source, items in CHECKLIST.items()
    for heading, kind, entity_id in items
]


@cache
def load(kind: str, entity_id: str) -> Any:
    """The parsed YAML of one entity, or None when the file does not exist."""
    path = CONTENT / kind / f"{entity_id}.yaml"
    if not path.is_file():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def entities(kind: str) -> list[tuple[str, Any]]:
    folder = CONTENT / kind
    return [(path.stem, load(kind, path.stem)) for path in sorted(folder.glob("*.yaml"))]


def cited(data: Any) -> set[str]:
    """Every source id an entity cites, at any depth ('sources' lists and a fact's 'source')."""
    found: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "sources" and isinstance(value, list):
                found.update(item for item in value if isinstance(item, str))
            elif key == "source" and isinstance(value, str):
                found.add(value)
            else:
                found |= cited(value)
    elif isinstance(data, list):
        for item in data:
            found |= cited(item)
    return found


def test_every_article_has_a_source_entry() -> None:
    for source_id in CHECKLIST:
        data = load("sources", source_id)
        assert isinstance(data, dict), f"content/sources/{source_id}.yaml is missing"
        assert data.get("title"), f"source {source_id} has no title"
        assert "url" not in data, f"source {source_id}: no URL is printed in the capture, so none may be given"


@pytest.mark.parametrize(("source", "heading", "kind", "entity_id"), CASES)
def test_article_item_is_represented_and_cited(source: str, heading: str, kind: str, entity_id: str) -> None:
    data = load(kind, entity_id)
    assert data is not None, f"{heading!r}: content/{kind}/{entity_id}.yaml does not exist"
    assert source in cited(data), f"{heading!r}: content/{kind}/{entity_id}.yaml does not cite {source}"


def test_checklists_are_not_empty() -> None:
    for source, items in CHECKLIST.items():
        assert len(items) >= 20, f"the checklist for {source} looks incomplete"


def test_every_fact_has_source_value_and_period() -> None:
    facts = entities("facts")
    assert facts, "no facts found"
    for fact_id, data in facts:
        for field in ("source", "value", "period"):  # `period` replaced `as_of` in the model
            assert isinstance(data, dict) and data.get(field) not in (None, ""), f"fact {fact_id} has no {field}"
        value = data["value"]
        if isinstance(value, dict):
            assert {"min", "max"} <= set(value), f"fact {fact_id}: a range needs min and max"
            assert value["min"] <= value["max"], f"fact {fact_id}: min is above max"
        else:
            assert isinstance(value, (int, float)) and not isinstance(value, bool), f"fact {fact_id}: bad value"
        if data.get("metric") == "salary":
            assert data.get("currency"), f"fact {fact_id}: a salary needs a currency"
        assert load("sources", data["source"]) is not None, f"fact {fact_id}: unknown source {data['source']}"


@pytest.mark.parametrize("kind", ["roles", "skills", "responsibilities", "challenges", "opportunities"])
def test_core_kinds_cite_at_least_one_source(kind: str) -> None:
    found = entities(kind)
    assert found, f"no {kind} found"
    for entity_id, data in found:
        sources = data.get("sources") if isinstance(data, dict) else None
        assert isinstance(sources, list) and sources, f"{kind}/{entity_id} cites no source"
        for source_id in sources:
            assert load("sources", source_id) is not None, f"{kind}/{entity_id}: unknown source {source_id}"
