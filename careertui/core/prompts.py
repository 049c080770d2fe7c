"""What careertui asks and suggests, in its own words: prompts, examples, question banks.

Plain data, so the stages, the tests and any export read the same texts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prompt:
    key: str
    title: str
    question: str
    example: str


SELF_ASSESSMENT: tuple[Prompt, ...] = (
    Prompt(
        "strengths",
        "Strengths",
        "What do people come to you for? What do you do well without much effort?",
        "Colleagues bring me messy data questions; I can turn a vague ask into a clear "
        "report in a day. I explain numbers to non-specialists without losing them.",
    ),
    Prompt(
        "skills-to-develop",
        "Skills to develop",
        "Which skills would open the next door for you, and which gaps slow you down today?",
        "Leading a project with several people, not just my own tasks. Presenting to "
        "senior leaders. Statistics beyond the basics.",
    ),
    Prompt(
        "energises",
        "What gives you energy",
        "Which parts of the work make the time fly? Think of a recent good week.",
        "Untangling a problem nobody owns; pairing with new joiners; seeing a dashboard "
        "I built used in a decision.",
    ),
    Prompt(
        "drains",
        "What drains you",
        "Which tasks do you put off, or leave you flat at the end of the day?",
        "Re-running the same manual extract every Monday; meetings without an agenda.",
    ),
    Prompt(
        "one-year",
        "In one year",
        "Where would you like to be a year from now: role, responsibilities, skills?",
        "Owning the pricing analytics area and leading one small project end to end.",
    ),
    Prompt(
        "three-years",
        "In three years",
        "What would you like to be doing in three years?",
        "Leading a small analytics team, or a senior individual role in product analytics.",
    ),
    Prompt(
        "five-years",
        "In five years",
        "And in five? It is fine to be unsure: write the directions that attract you.",
        "Shaping how the company uses data to decide, whether as a manager or an expert.",
    ),
    Prompt(
        "values",
        "What matters most to you",
        "What do you need from work to do your best: learning, autonomy, impact, balance?",
        "Learning something new every quarter; a manager who gives honest feedback; "
        "evenings free for my family.",
    ),
)


INTERVIEW_QUESTIONS: tuple[str, ...] = (
    "What does a typical week look like in your role?",
    "What do the people who do well in this role have in common?",
    "Which skills did you have to build after you started?",
    "How did you move into this role, and what would you do differently?",
    "What is hardest about the job that people outside do not see?",
    "How is success measured for you and your team?",
    "If you were me, what would you learn or try first?",
    "Who else would you suggest I talk to?",
)


MEETING_QUESTIONS: tuple[str, ...] = (
    "Given where I want to go, which skills should I build first?",
    "Where do you see me at my strongest right now?",
    "What is one thing I could do differently to have more impact?",
    "Are there projects coming up where I could take on more responsibility?",
    "Which stretch assignment would test me in the right way?",
    "Is there training or a course you would back for me this year?",
    "Who in the company would be good for me to learn from?",
    "How would you describe what the next level looks like here?",
)
