#!/usr/bin/env python3
"""Generate the bundled Rashomon demo corpus under examples/demo/.

Everything in the corpus is FICTIONAL (invented country, towns, people and
outlets; all domains use the reserved ``.example`` TLD).  The answer key is
hand-written in ``examples/ANSWERS.md`` and describes exactly the texts
defined below -- if you edit a text here, update ANSWERS.md too.

The script is deterministic: fixed WARC dates, fixed record ids (uuid5),
gzip mtime 0.  Running it twice yields byte-identical files.

    python examples/make_demo.py            # (re)writes examples/demo/*

Only ``wire.warc.gz`` needs the ``warcio`` package; the other files are
plain text.
"""
from __future__ import annotations

import gzip
import html
import io
import json
import pathlib
import uuid

OUT = pathlib.Path(__file__).resolve().parent / "demo"


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def p_tags(paras, indent="        ", cls=None):
    attr = f' class="{cls}"' if cls else ""
    return "\n".join(f"{indent}<p{attr}>{esc(p)}</p>" for p in paras)


# =====================================================================
# STORY A -- Kessmark dam failure, Upper Tavra province, Valdoria
# =====================================================================

# --- A1: Meridian Press Agency (MPA) wire, 2025-03-14T08:10:00Z ---------
WIRE_TITLE = "Death toll rises after dam failure floods Valdorian town of Kessmark"
WIRE_DATELINE = "KESSMARK, March 14 (MPA) --"
WIRE_PARAS = [
    # W1
    "At least 12 people were killed when an earthen dam above the town of "
    "Kessmark in Valdoria's Upper Tavra province gave way late on Wednesday, "
    "the regional governor's office said on Friday.",
    # W2
    "\"We are doing everything humanly possible to reach the people still cut "
    "off,\" said Governor Ilse Marovec, who toured the flooded districts on "
    "Thursday.",
    # W3
    "Marovec told a news conference on Thursday evening: \"No one will be left "
    "behind. We will search every house until every person is found.\"",
    # W4
    "The Health Ministry said more than 80 people had been treated for "
    "injuries, most of them for hypothermia, cuts and broken bones.",
    # W5, W6
    "The National Emergency Service said between 3,000 and 4,000 residents had "
    "been evacuated from low-lying neighbourhoods along the Tavra river. Up to "
    "40 people remain missing, the service added.",
    # W7, W8
    "The 38-metre dam, built in 1974, had been the subject of a critical "
    "inspection report in January, according to documents seen by MPA. "
    "Engineers warned the provincial water authority last week that seepage at "
    "the base of the structure had increased after heavy rain earlier this "
    "month.",
    # W9
    "The opposition Civic Renewal Party said on Friday that 27 people had "
    "died, citing staff at Kessmark District Hospital, and accused the "
    "government of concealing the scale of the disaster.",
    # W10
    "\"Claims of 27 dead are fabrications designed to sow panic,\" the "
    "Interior Ministry said in a statement.",
    # W11, W12
    "The cabinet of Prime Minister Anton Keller approved a $2.5 million "
    "compensation fund for families who lost their homes, a government "
    "spokesman said. Parliament will hold an emergency session on the "
    "disaster on Monday.",
]
WIRE_SIGNOFF = "(Reporting by Lena Ostrova; Editing by Mark Dunmore)"


def wire_body(paras=WIRE_PARAS):
    """Wire paragraphs with the dateline glued to the first one."""
    return [f"{WIRE_DATELINE} {paras[0]}"] + list(paras[1:])


# --- A2: Tavra Courier (independent original), 2025-03-14T16:45:00Z ----
COURIER_TITLE = "'The street became a river': Kessmark counts its losses"
COURIER_PARAS = [
    # C1
    "Residents of Kessmark spent a second night in school gymnasiums and "
    "church halls on Thursday as brown floodwater still covered much of the "
    "town's lower quarter.",
    # C2
    "The earthen dam on the Tavra river failed shortly before midnight on "
    "March 12, sending a wall of water through the Old Mill and Riverside "
    "neighbourhoods.",
    # C3, C4
    "\"We heard a roar like a train, and then the street was a river.\" Dana "
    "Krell, a 54-year-old schoolteacher, spoke from the gymnasium where she "
    "has slept since the flood.",
    # C5, C6
    "She said she and her husband escaped through an attic window and waited "
    "on the roof for three hours before a boat reached them. \"My neighbours "
    "were still inside,\" she added.",
    # C7
    "Kessmark mayor Viktor Halloran said nearly 5,000 people had been moved "
    "out of their homes, a higher figure than the one given by the National "
    "Emergency Service.",
    # C8, C9
    "Governor Ilse Marovec, speaking at a news conference on Thursday, "
    "promised that the search would go on. \"Nobody will be abandoned. We are "
    "going to search each house until all people are accounted for,\" the "
    "governor said.",
    # C10, C11
    "Officially, at least 12 people have died. Many residents believe the "
    "real number is far higher; several told the Courier that dozens of "
    "people were killed in the Old Mill quarter alone.",
    # C12, C13
    "Hydrologist Oskar Brennvald of the University of Kessmark said he had "
    "warned the Tavra Water Authority about the dam's spillway in January. "
    "\"We told them the spillway could not take another wet spring,\" he "
    "said.",
    # C14
    "Volunteers from across Upper Tavra arrived on Friday with food, blankets "
    "and pumps, and the Valdorian Red Cross said it had set up three field "
    "kitchens.",
    # C15
    "Schools in the district will stay closed until at least March 21, the "
    "education department said.",
    # C16
    "Mr Halloran said the town had not seen flooding on this scale since the "
    "spring of 1998.",
]

# --- A3: Radio Valdoria International (RVI), RSS item, 2025-03-14T18:20Z
RVI_A_TITLE = "Opposition says Kessmark flood killed 27; ministry calls it disinformation"
RVI_A_PARAS = [
    # R1
    "Valdoria's main opposition party accused the government on Friday of "
    "hiding the real death toll from the Kessmark dam collapse.",
    # R2, R3
    "\"The government is hiding the true toll. The hospital morgue tells a "
    "different story,\" said Tomas Verhun, leader of the Civic Renewal Party, "
    "at a news conference in the capital, Ostrel.",
    # R4
    "He put the number of dead at twenty-seven, a figure he said came from "
    "doctors at the Kessmark District Hospital.",
    # R5, R6, R7
    "The Interior Ministry rejected the claim. \"This is disinformation, plain "
    "and simple,\" ministry spokeswoman Carla Dent told Radio Valdoria "
    "International. \"The confirmed figure is twelve.\"",
    # R8
    "Hospital director Miren Szabo declined to give a number, saying only "
    "that the morgue was \"working beyond capacity\".",
    # R9
    "Rescue crews on Friday reached the village of Drenov, five kilometres "
    "downstream, which had been cut off since the dam failed on Wednesday "
    "night.",
    # R10
    "Up to 40 people were still unaccounted for on Friday evening, according "
    "to the National Emergency Service.",
    # R11
    "The U.N. humanitarian office in Ostrel said it had offered to send flood "
    "experts to Kessmark.",
    # R12
    "The dam's operator, the state-owned Tavra Water Authority, has not "
    "commented on reports that its engineers raised concerns about seepage "
    "last week.",
    # R13
    "Parliament is due to debate the disaster in an emergency session on "
    "Monday.",
    # R14
    "Valdoria has had its wettest start to spring in three decades, with some "
    "areas receiving twice the usual March rainfall.",
]

# --- A4: Eastbridge Post (independent original), txt, 2025-03-15 -------
EASTBRIDGE_TITLE = "Valdoria dam disaster: questions mount over ignored warnings"
EASTBRIDGE_DATELINE = "KESMARK, Valdoria \u2014"
EASTBRIDGE_PARAS = [
    # E1
    "Three days after a dam burst above the Valdorian town of Kesmark, "
    "survivors and opposition politicians are asking why repeated warnings "
    "about the structure were ignored.",
    # E2, E3
    "The dam failed late on Wednesday, flooding hundreds of homes along the "
    "Tavra river. Officials say at least 12 people died; the opposition Civic "
    "Renewal Party puts the toll at 27.",
    # E4
    "The government yesterday set aside $2.5 million to compensate families "
    "left homeless, a sum residents described as far too small.",
    # E5, E6
    "\"Two and a half million will not rebuild one street,\" said Goran Matic, "
    "who runs a bakery in the Old Mill quarter. \"We need the state to admit "
    "what went wrong.\"",
    # E7
    "Documents reviewed by the Eastbridge Post show that inspectors flagged "
    "cracks in the dam's concrete spillway in January, and that a follow-up "
    "visit scheduled for February never took place.",
    # E8, E9
    "Engineers at the Tavra Water Authority raised the alarm again last week, "
    "according to two people familiar with the matter. The authority's "
    "director, Paul Ranek, was suspended on Friday pending an investigation.",
    # E10, E11
    "More than 80 people were hurt, according to the Health Ministry. Some "
    "200 soldiers and three army helicopters have joined the rescue effort.",
    # E12
    "Heavy rain earlier this month had pushed the reservoir to its highest "
    "level since 1998, according to the national weather office.",
    # E13
    "Lawmakers meet in emergency session on Monday, and opposition leader "
    "Tomas Verhun has demanded the resignation of Interior Minister Lukas "
    "Brandt.",
]

# --- A5: NewsFlash24 (content-farm rewrite), html, 2025-03-15T07:05:00Z
# Stitched from the MPA wire and the Tavra Courier (see ANSWERS.md).
NF_TITLE = "Valdoria Dam Collapse: Twelve Dead, Thousands Evacuated As Rescue Continues"
NF_PARAS = [
    # N1  <- W1 (12->twelve, Valdoria's->the Republic of Valdoria's,
    #            gave way->collapsed, regional->provincial)
    "At least twelve people were killed when an earthen dam above the town of "
    "Kessmark in the Republic of Valdoria's Upper Tavra province collapsed "
    "late on Wednesday, the provincial governor's office said on Friday.",
    # N2  <- C2 (March 12 -> 12 March, neighbourhoods -> districts)
    "The earthen dam on the Tavra river failed shortly before midnight on 12 "
    "March, sending a wall of water through the Old Mill and Riverside "
    "districts.",
    # N3  <- C8 (news conference -> press conference)
    "Governor Ilse Marovec, speaking at a press conference on Thursday, "
    "promised that the search would go on.",
    # N4  own, UNATTRIBUTED quote
    "\"This was a disaster waiting to happen.\"",
    # N5  <- W4 (more than->over, broken bones->fractures)
    "The Health Ministry said over 80 people had been treated for injuries, "
    "most of them for hypothermia, cuts and fractures.",
    # N6  <- C7 (truncated)
    "Kessmark mayor Viktor Halloran said nearly 5,000 people had been moved "
    "out of their homes.",
    # N7  <- W8 (provincial->regional, rain->rainfall)
    "Engineers warned the regional water authority last week that seepage at "
    "the base of the structure had increased after heavy rainfall earlier "
    "this month.",
    # N8  own
    "Rescue teams are still combing flooded houses in the worst-hit areas.",
    # N9  own
    "Critics say the tragedy raises serious questions about the state of the "
    "country's ageing infrastructure.",
]
NF_UPDATE_NOTE = ("NewsFlash24 will keep updating this story as more "
                  "information becomes available.")

# --- A6: GlobalBuzz Daily (content-farm rewrite), jsonl/html, 2025-03-16
# Stitched from RVI, Tavra Courier and Eastbridge Post (see ANSWERS.md).
GB_TITLE = "Valdoria Dam Tragedy: Opposition Claims Government Is Hiding Real Death Toll"
GB_PARAS = [
    # G1 <- R1 (Valdoria's main opposition party -> The main opposition
    #           party of the Republic of Valdoria)
    "The main opposition party of the Republic of Valdoria accused the "
    "government on Friday of hiding the real death toll from the Kessmark dam "
    "collapse.",
    # G2 <- C2 (The earthen dam on the Tavra river failed -> The dam gave
    #           way; March 12 -> Mar. 12)
    "The dam gave way shortly before midnight on Mar. 12, sending a wall of "
    "water through the Old Mill and Riverside neighbourhoods.",
    # G3 <- R4 (He -> Tomas Verhun, leader of the Civic Renewal Party;
    #           twenty-seven -> 27)
    "Tomas Verhun, leader of the Civic Renewal Party, put the number of dead "
    "at 27, a figure he said came from doctors at the Kessmark District "
    "Hospital.",
    # G4 <- R6 (quote kept, attribution rewritten)
    "\"This is disinformation, plain and simple,\" Interior Ministry "
    "spokeswoman Carla Dent said.",
    # G5 <- E4 (yesterday -> on Friday, set aside -> earmarked,
    #           described as -> called)
    "The government on Friday earmarked $2.5 million to compensate families "
    "left homeless, a sum residents called far too small.",
    # G6 <- E7 (the Eastbridge Post -> journalists, scheduled -> planned,
    #           never took place -> never happened)
    "Documents reviewed by journalists show that inspectors flagged cracks in "
    "the dam's concrete spillway in January, and that a follow-up visit "
    "planned for February never happened.",
    # G7 <- R11 (U.N. -> UN, experts -> specialists)
    "The UN humanitarian office in Ostrel said it had offered to send flood "
    "specialists to Kessmark.",
    # G8 own
    "Officials say nearly 5,000 people have been evacuated.",
    # G9 own
    "Residents fear the toll could climb into the dozens as the water "
    "recedes.",
    # G10 own
    "Several dozen volunteers were seen filling sandbags near the town hall "
    "on Saturday morning.",
]
GB_NOISE = "Stay tuned to GlobalBuzz Daily for more updates."

# --- A7: Valdorischer Bote (German original), jsonl, 2025-03-15T09:00Z -
VB_TITLE = "Dammbruch in Valdoria: Mindestens zw\u00f6lf Tote in Kessmark"
VB_PARAS = [
    "KESSMARK. Nach dem Dammbruch in der valdorischen Provinz Ober-Tavra ist "
    "die Zahl der Todesopfer nach offiziellen Angaben auf mindestens zw\u00f6lf "
    "gestiegen. Der Damm oberhalb der Stadt war in der Nacht zum Donnerstag "
    "gebrochen.",
    "Die Opposition spricht von 27 Toten und wirft der Regierung vor, das "
    "Ausma\u00df der Katastrophe zu verschleiern. Nach Angaben des "
    "Gesundheitsministeriums wurden mehr als 80 Menschen verletzt.",
    "\u201eNiemand wird zur\u00fcckgelassen\u201c, sagte Gouverneurin Ilse "
    "Marovec am Donnerstag.",
    "Die Regierung hat einen Entsch\u00e4digungsfonds in H\u00f6he von 2,5 "
    "Millionen Dollar eingerichtet. Das Parlament befasst sich am Montag in "
    "einer Sondersitzung mit dem Ungl\u00fcck.",
]

# =====================================================================
# STORY B -- Lumora PowerCell 20 power-bank recall (unrelated)
# =====================================================================

# --- B1: Continental Ledger, inside wire.warc.gz, 2025-03-11T14:00:00Z --
CLB_TITLE = "Lumora recalls 214,000 PowerCell chargers over overheating risk"
CLB_PARAS = [
    "Lumora Technologies said on Monday it would recall about 214,000 "
    "PowerCell 20 portable chargers after receiving reports that the devices "
    "could overheat while charging.",
    "The company said it was aware of 37 incidents of overheating, including "
    "four in which users suffered minor burns. No fires causing serious "
    "property damage have been reported, it added.",
    "The affected units were sold between August 2023 and January 2025 in 11 "
    "countries, mostly through the company's own online store and large "
    "electronics chains.",
    "\"Customer safety comes before everything else, and we are sorry for the "
    "inconvenience,\" chief executive Hana Lindgren said in a video "
    "statement.",
    "Owners are asked to stop using the chargers immediately and register for "
    "a free replacement or a full refund.",
    "Lumora shares fell 4.2 percent in Brightwater trading on Tuesday. "
    "Analysts at Corvid Securities estimated the recall would cost the "
    "company between $18 million and $25 million.",
    "The problem has been traced to a batch of battery cells from a single "
    "supplier, which the company did not name.",
    "It is the second recall for Lumora in two years; in 2023 it withdrew a "
    "line of smart plugs over a wiring fault.",
]

# --- B2: RVI, RSS item, 2025-03-12T09:00:00Z ----------------------------
RVI_B_TITLE = "Consumer watchdog opens inquiry into Lumora charger recall"
RVI_B_PARAS = [
    "Valdoria's consumer protection agency said on Tuesday it had opened an "
    "inquiry into how long Lumora Technologies had known about overheating "
    "problems with its PowerCell 20 chargers.",
    "The agency wants to know why the first complaints, received last "
    "October, did not lead to a recall sooner.",
    "About 9,500 of the recalled units were sold in Valdoria, according to "
    "the agency.",
    "\"We expect full cooperation and complete documents by the end of the "
    "month,\" agency head Marek Sollo said. Lumora said it was cooperating "
    "fully.",
    "Electronics retailers in Ostrel reported queues of customers returning "
    "the devices on Tuesday.",
    "The company has set up a hotline and says replacement units will begin "
    "shipping in April.",
]

# --- B3: TechPulse, html, 2025-03-13T17:30:00Z --------------------------
TP_TITLE = "What PowerCell 20 owners need to know about the Lumora recall"
TP_PARAS = [
    "If you bought a Lumora PowerCell 20 portable charger in the past 18 "
    "months, there is a good chance it is part of the recall the company "
    "announced on Monday.",
    "The affected chargers have serial numbers beginning with PC20-23 or "
    "PC20-24, printed on the underside next to the USB-C port.",
    "Lumora says owners should stop charging the devices right away and keep "
    "them away from flammable materials.",
    "Replacement units will ship from April 7, the company told TechPulse on "
    "Wednesday. Customers who prefer a refund will get the full purchase "
    "price of $59.99, regardless of where they bought it.",
    "\"We have traced the fault to one cell supplier and have stopped using "
    "that supplier,\" a Lumora spokesperson said. The company has received "
    "37 reports of overheating so far.",
    "Earlier this week, Valdoria's consumer protection agency opened its own "
    "inquiry into the recall.",
    "Do not throw a recalled charger into household waste; lithium batteries "
    "belong at a recycling point.",
]


# =====================================================================
# HTML pages
# =====================================================================

VT_RELATED = [
    "Ostrel tram drivers extend strike",
    "Valdoria beat Norland in Nations Cup qualifier",
    "Central bank holds interest rates steady",
    "New ferry link to the Ismar islands opens",
    "Opinion: The capital needs more bike lanes",
]


def related_list(items, indent="      "):
    return "\n".join(f'{indent}<li><a href="#">{esc(t)}</a></li>' for t in items)


def valdoria_times_html() -> str:
    body = wire_body()
    url = "https://www.valdoriatimes.example/nation/2025/03/14/dam-failure-kessmark-death-toll"
    first, rest_a, rest_b = body[:4], body[4:7], body[7:]
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(WIRE_TITLE)} | The Valdoria Times</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="author" content="Meridian Press Agency">
  <meta name="description" content="At least 12 people were killed when an earthen dam above Kessmark gave way.">
  <meta property="og:site_name" content="The Valdoria Times">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(WIRE_TITLE)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="2025-03-14T10:15:00Z">
  <meta property="article:section" content="Nation">
  <link rel="canonical" href="{url}">
</head>
<body>
  <div id="cookie-banner" class="cookie-notice">
    <p>We use cookies to give you the best experience on our website. By continuing to browse, you agree to our use of cookies. <a href="/privacy">Privacy policy</a></p>
    <button type="button">Accept all</button> <button type="button">Manage settings</button>
  </div>
  <header class="site-header">
    <a class="logo" href="/">The Valdoria Times</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/">Home</a></li>
        <li><a href="/nation">Nation</a></li>
        <li><a href="/world">World</a></li>
        <li><a href="/business">Business</a></li>
        <li><a href="/sport">Sport</a></li>
        <li><a href="/opinion">Opinion</a></li>
        <li><a href="/subscribe">Subscribe</a></li>
      </ul>
    </nav>
  </header>
  <main>
    <article>
      <p class="kicker"><a href="/nation">Nation</a></p>
      <h1>{esc(WIRE_TITLE)}</h1>
      <p class="byline">By Meridian Press Agency &middot; <time datetime="2025-03-14T10:15:00Z">14 March 2025, 11:15</time></p>
      <div class="share-tools"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Print</a></div>
      <figure>
        <img src="/img/archive/kessmark-dam.jpg" alt="The Kessmark dam and reservoir">
        <figcaption>File photo: the Kessmark dam and reservoir, taken June 3, 2019. <span class="credit">Photo: Tomas Reil / Northlight Images</span></figcaption>
      </figure>
      <div class="article-body">
{p_tags(first)}
        <p class="read-more"><strong>READ MORE:</strong> <a href="#">Ostrel tram drivers extend strike</a></p>
{p_tags(rest_a)}
        <p class="read-more"><strong>READ MORE:</strong> <a href="#">Central bank holds interest rates steady</a></p>
{p_tags(rest_b)}
        <p class="signoff">{esc(WIRE_SIGNOFF)}</p>
      </div>
      <div class="share-tools">Share Tweet Print</div>
      <div class="newsletter-signup">
        <p>Get the Valdoria Times morning briefing in your inbox every weekday.</p>
        <form><input type="email" placeholder="Your email address"> <button>Sign up</button></form>
      </div>
    </article>
    <aside class="related">
      <h2>More news:</h2>
      <ul>
{related_list(VT_RELATED)}
      </ul>
    </aside>
  </main>
  <footer class="site-footer">
    <div class="related">
      <h3>More news:</h3>
      <ul>
{related_list(VT_RELATED)}
      </ul>
    </div>
    <p><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/terms">Terms of use</a> | <a href="/cookies">Cookie settings</a></p>
    <p>&copy; 2025 The Valdoria Times. All rights reserved.</p>
  </footer>
</body>
</html>
"""


COURIER_RELATED = [
    "Upper Tavra farmers count cost of late frost",
    "Kessmark choir wins national title",
    "Ring road works delayed again",
    "Letters: Keep the Riverside library open",
]


def tavra_courier_html() -> str:
    url = "https://www.tavracourier.example/news/kessmark-counts-its-losses"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(COURIER_TITLE)} - Tavra Courier</title>
  <meta name="author" content="Jana Petrik">
  <meta property="og:site_name" content="Tavra Courier">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(COURIER_TITLE)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="2025-03-14T16:45:00Z">
  <meta property="article:modified_time" content="2025-03-14T18:02:00Z">
  <link rel="canonical" href="{url}">
</head>
<body class="article-page">
  <div class="cookie-consent" role="dialog">
    This site uses cookies for analytics and personalised content. <a href="/cookies">Learn more</a>
    <button>OK, got it</button>
  </div>
  <header>
    <div class="masthead"><a href="/">Tavra Courier</a> <span class="tagline">The voice of Upper Tavra since 1921</span></div>
    <nav>
      <a href="/news">News</a> | <a href="/kessmark">Kessmark</a> | <a href="/region">Region</a> | <a href="/sport">Sport</a> | <a href="/notices">Notices</a> | <a href="/jobs">Jobs</a>
    </nav>
  </header>
  <main id="content">
    <article class="story">
      <h1>{esc(COURIER_TITLE)}</h1>
      <div class="meta">By <span class="author">Jana Petrik</span> &middot; <time datetime="2025-03-14T16:45:00Z">Friday 14 March 2025</time> &middot; <a href="#comments">Comments (14)</a></div>
      <figure class="lead-image">
        <img src="/media/2025/03/sandbags.jpg" alt="Volunteers with sandbags">
        <figcaption>Volunteers fill sandbags outside Kessmark town hall. Photo: Jana Petrik / Tavra Courier</figcaption>
      </figure>
      <div class="story-body">
{p_tags(COURIER_PARAS[:5])}
        <p class="read-more">READ MORE: <a href="#">How to claim flood damage from your insurer</a></p>
{p_tags(COURIER_PARAS[5:])}
      </div>
      <div class="donate-box">
        <p>The Courier is reader-funded. Support local journalism in Upper Tavra &mdash; donate from &euro;3 a month.</p>
        <a class="button" href="/support">Donate now</a>
      </div>
      <div class="tools">Share Tweet Print Email</div>
      <section id="comments"><h2>Comments (14)</h2><p>Log in to join the discussion.</p></section>
    </article>
    <aside>
      <h2>More news:</h2>
      <ul>
{related_list(COURIER_RELATED)}
      </ul>
    </aside>
  </main>
  <footer>
    <h2>More news:</h2>
    <ul>
{related_list(COURIER_RELATED)}
    </ul>
    <p>Tavra Courier, 12 Market Street, Kessmark. &copy; 2025 Tavra Media Cooperative.</p>
  </footer>
</body>
</html>
"""


NF_TRENDING = [
    "You won't believe what this celebrity chef cooks at home",
    "10 gadgets everyone will want this spring",
    "Stock markets wobble as investors eye rate decision",
]


def newsflash24_html() -> str:
    url = "https://newsflash24.example/world/valdoria-dam-collapse-twelve-dead"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(NF_TITLE)} | NewsFlash24</title>
  <meta name="author" content="NewsFlash24 Staff">
  <meta property="og:site_name" content="NewsFlash24">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(NF_TITLE)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="2025-03-15T07:05:00Z">
</head>
<body>
  <div class="gdpr-banner">We and our 143 partners store and access information on your device. <button>I agree</button> <button>Options</button></div>
  <header>
    <a href="/" class="brand">NewsFlash24</a>
    <ul class="menu"><li><a href="/">Top Stories</a></li><li><a href="/world">World</a></li><li><a href="/viral">Viral</a></li><li><a href="/money">Money</a></li><li><a href="/lifestyle">Lifestyle</a></li></ul>
  </header>
  <div class="ad-slot">Advertisement</div>
  <main>
    <article>
      <h1>{esc(NF_TITLE)}</h1>
      <div class="byline">NewsFlash24 Staff | March 15, 2025</div>
      <div class="social">Share Tweet Print</div>
      <figure>
        <img src="/cdn/img/flood-generic.jpg" alt="Flooded street">
        <figcaption>Image for illustration purposes only. (Stock photo)</figcaption>
      </figure>
      <div class="entry-content">
{p_tags(NF_PARAS[:3])}
        <p>{esc(NF_PARAS[3])}</p>
        <p class="read-more">READ MORE: <a href="#">10 gadgets everyone will want this spring</a></p>
{p_tags(NF_PARAS[4:])}
        <div class="ad-slot">Advertisement</div>
        <p class="update-note"><em>{esc(NF_UPDATE_NOTE)}</em></p>
      </div>
      <div class="social">Share Tweet Print</div>
      <div class="newsletter">Never miss a story! Subscribe to the NewsFlash24 daily newsletter.</div>
    </article>
    <aside class="trending">
      <h3>Trending now</h3>
      <ol>
{related_list(NF_TRENDING)}
      </ol>
    </aside>
  </main>
  <footer>
    <div class="more">More news: {" &middot; ".join(esc(t) for t in NF_TRENDING)}</div>
    <p>&copy; 2025 NewsFlash24. All rights reserved. | <a href="/privacy">Privacy</a> | <a href="/dmca">DMCA</a></p>
  </footer>
</body>
</html>
"""


def techpulse_html() -> str:
    url = "https://techpulse.example/guides/lumora-powercell-20-recall-what-to-know"
    figure_caption = "The PowerCell 20 is sold in black and white versions. Photo: TechPulse"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(TP_TITLE)} | TechPulse</title>
  <meta name="author" content="Nico Albers">
  <meta property="og:site_name" content="TechPulse">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(TP_TITLE)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="2025-03-13T17:30:00Z">
  <meta property="article:section" content="Guides">
</head>
<body>
  <div class="cookie-bar">TechPulse uses cookies. <a href="/cookies">Cookie policy</a> <button>Accept</button></div>
  <header>
    <nav class="top-nav"><a href="/">TechPulse</a> <a href="/news">News</a> <a href="/reviews">Reviews</a> <a href="/guides">Guides</a> <a href="/deals">Deals</a> <a href="/podcast">Podcast</a></nav>
  </header>
  <main>
    <article>
      <header class="article-header">
        <h1>{esc(TP_TITLE)}</h1>
        <p class="byline">By Nico Albers, <time datetime="2025-03-13T17:30:00Z">March 13, 2025</time></p>
      </header>
      <figure>
        <img src="/images/powercell20.jpg" alt="Lumora PowerCell 20">
        <figcaption>{esc(figure_caption)}</figcaption>
      </figure>
{p_tags(TP_PARAS, indent="      ")}
      <p class="read-more">READ MORE: <a href="#">The best power banks we have tested</a></p>
      <div class="share">Share Tweet Print</div>
    </article>
    <aside>
      <h2>More news:</h2>
      <ul>
        <li><a href="#">The best power banks we have tested</a></li>
        <li><a href="#">Review: a budget phone that gets the basics right</a></li>
      </ul>
    </aside>
  </main>
  <footer>
    <p>Get the TechPulse newsletter: the week in tech, every Friday. <a href="/newsletter">Sign up</a></p>
    <p>&copy; 2025 TechPulse Media</p>
  </footer>
</body>
</html>
"""


CL_RELATED = [
    "Markets: European shares edge higher",
    "Shipping costs ease after winter peak",
    "Interview: the economist who predicted the housing slowdown",
]


def continental_ledger_html(title, url, published, author, section, paras,
                            caption, signoff=None) -> str:
    signoff_html = f'\n        <p class="signoff">{esc(signoff)}</p>' if signoff else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(title)} &ndash; The Continental Ledger</title>
  <meta name="author" content="{esc(author)}">
  <meta property="og:site_name" content="The Continental Ledger">
  <meta property="og:type" content="article">
  <meta property="og:title" content="{esc(title)}">
  <meta property="og:url" content="{url}">
  <meta property="article:published_time" content="{published}">
  <meta property="article:section" content="{section}">
</head>
<body>
  <div class="consent">Your privacy matters. We use cookies to measure audiences and show relevant adverts. <button>Accept</button> <button>Reject</button></div>
  <header>
    <div class="logo">The Continental Ledger</div>
    <nav><ul><li>World</li><li>Markets</li><li>Tech</li><li>Energy</li><li>Opinion</li><li>Podcasts</li></ul></nav>
  </header>
  <main>
    <article>
      <h1>{esc(title)}</h1>
      <div class="byline">{esc(author)} | <time datetime="{published}">{published[:10]}</time></div>
      <div class="share-bar">Share Tweet Print</div>
      <figure><img src="/img/lead.jpg" alt=""><figcaption>{esc(caption)}</figcaption></figure>
      <section class="body">
{p_tags(paras)}{signoff_html}
      </section>
      <div class="subscribe-banner">Subscribe to The Continental Ledger for unlimited access. First month free.</div>
    </article>
    <aside><h2>More news:</h2><ul>
{related_list(CL_RELATED)}
    </ul></aside>
  </main>
  <footer><p>More news: {" | ".join(esc(t) for t in CL_RELATED)}</p><p>&copy; 2025 Continental Ledger Publishing</p></footer>
</body>
</html>
"""


CL_A_URL = "https://www.continentalledger.example/world/2025/03/14/valdoria-dam-kessmark-toll"
CL_B_URL = "https://www.continentalledger.example/tech/2025/03/11/lumora-powercell-recall"


def cl_a_html():
    return continental_ledger_html(
        WIRE_TITLE, CL_A_URL, "2025-03-14T12:30:00Z", "Meridian Press Agency",
        "World", wire_body(),
        "A rescue boat on a flooded street in Kessmark. Photo: Ana Vidric / Northlight Images",
        signoff=WIRE_SIGNOFF)


def cl_b_html():
    return continental_ledger_html(
        CLB_TITLE, CL_B_URL, "2025-03-11T14:00:00Z", "Ingrid Solheim",
        "Tech", CLB_PARAS,
        "A Lumora store in Brightwater. Photo: Continental Ledger")


# =====================================================================
# Plain text
# =====================================================================

def harbour_txt() -> str:
    # Verbatim MPA copy, trimmed: last paragraph (W11, W12) omitted.
    body = wire_body(WIRE_PARAS[:-1])
    lines = [
        " date 2025-03-14 ",
        WIRE_TITLE,
        "Harbour City Gazette | World | Agency copy",
        "Photo: Rescue boats on a flooded street in Kessmark. (Northlight Images)",
        "Adjust Comment Print",
        "",
    ]
    for p in body:
        lines += [p, ""]
    lines += [WIRE_SIGNOFF, "", "Share this article: Facebook | X | Email", ""]
    return "\n".join(lines)


def eastbridge_txt() -> str:
    lines = [
        " date 2025-03-15 ",
        EASTBRIDGE_TITLE,
        "By Ruth Anselm, Eastbridge Post",
        "Photo: A rescue boat on a flooded street in Kesmark. (Lukas Henner / Eastbridge Post)",
        "Adjust Comment Print",
        "",
        f"{EASTBRIDGE_DATELINE} {EASTBRIDGE_PARAS[0]}",
        "",
    ]
    for p in EASTBRIDGE_PARAS[1:]:
        lines += [p, ""]
    lines += ["Follow the Eastbridge Post for live updates.", ""]
    return "\n".join(lines)


# =====================================================================
# RSS feed (Radio Valdoria International)
# =====================================================================

RVI_NOISE = "Listen to the RVI English Service live every evening."


def rvi_feed() -> str:
    def item(title, link, guid, pub, creator, cat, paras):
        content = "".join(f"<p>{esc(p)}</p>" for p in paras)
        content += f"<p><em>{esc(RVI_NOISE)}</em></p>"
        return f"""    <item>
      <title>{esc(title)}</title>
      <link>{link}</link>
      <guid isPermaLink="false">{guid}</guid>
      <pubDate>{pub}</pubDate>
      <dc:creator>{esc(creator)}</dc:creator>
      <category>{cat}</category>
      <description>{esc(paras[0])}</description>
      <content:encoded><![CDATA[{content}]]></content:encoded>
    </item>"""

    items = [
        item(RVI_A_TITLE,
             "https://www.rvi.example/en/news/2025/03/14/kessmark-toll-opposition",
             "rvi-en-20250314-kessmark-toll", "Fri, 14 Mar 2025 18:20:00 +0000",
             "Elena Varga", "Valdoria", RVI_A_PARAS),
        item(RVI_B_TITLE,
             "https://www.rvi.example/en/business/2025/03/12/lumora-recall-inquiry",
             "rvi-en-20250312-lumora-inquiry", "Wed, 12 Mar 2025 09:00:00 +0000",
             "Pavel Kruger", "Business", RVI_B_PARAS),
    ]
    return """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Radio Valdoria International - English Service</title>
    <link>https://www.rvi.example/en/</link>
    <atom:link href="https://www.rvi.example/en/rss.xml" rel="self" type="application/rss+xml"/>
    <description>News from Valdoria and the region, in English.</description>
    <language>en</language>
    <lastBuildDate>Fri, 14 Mar 2025 18:30:00 +0000</lastBuildDate>
""" + "\n".join(items) + """
  </channel>
</rss>
"""


# =====================================================================
# JSON Lines
# =====================================================================

def globalbuzz_html() -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{esc(GB_TITLE)} - GlobalBuzz Daily</title>
<meta property="og:site_name" content="GlobalBuzz Daily">
<meta property="article:published_time" content="2025-03-16T08:20:00Z">
<meta name="author" content="GlobalBuzz Desk"></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/trending">Trending</a> <a href="/quizzes">Quizzes</a></nav>
<article>
<h1>{esc(GB_TITLE)}</h1>
<div class="share">Share Tweet Print</div>
{p_tags(GB_PARAS, indent="")}
<p class="outro">{esc(GB_NOISE)}</p>
</article>
<aside><h2>More news:</h2><ul><li><a href="#">Quiz: How well do you know European capitals?</a></li><li><a href="#">Five morning habits of successful people</a></li></ul></aside>
<footer>&copy; 2025 GlobalBuzz Daily | Follow us on social media</footer>
</body></html>
"""


def stream_jsonl() -> str:
    records = [
        {
            "id": "mpa-wire-0314",
            "url": "https://www.meridianpress.example/wire/2025/03/14/valdoria-dam-kessmark",
            "title": WIRE_TITLE,
            "published": "2025-03-14T08:10:00Z",
            "source": "Meridian Press Agency",
            "language": "en",
            "text": "\n\n".join(wire_body() + [WIRE_SIGNOFF]),
        },
        {
            "id": "vb-20250315-dammbruch",
            "url": "https://www.valdorischer-bote.example/ausland/2025/03/15/dammbruch-kessmark",
            "title": VB_TITLE,
            "published": "2025-03-15T09:00:00Z",
            "source": "Valdorischer Bote",
            "language": "de",
            "text": "\n\n".join(VB_PARAS),
        },
        {
            "id": "globalbuzz-20250316-valdoria-dam",
            "url": "https://globalbuzz-daily.example/news/valdoria-dam-tragedy-opposition-death-toll",
            "title": GB_TITLE,
            "published": "2025-03-16T08:20:00Z",
            "source": "GlobalBuzz Daily",
            "language": "en",
            "html": globalbuzz_html(),
        },
    ]
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# =====================================================================
# WARC
# =====================================================================

WARC_CRAWL = [
    # (uri, html, WARC-Date, HTTP Date, Last-Modified)
    (CL_A_URL, cl_a_html, "2025-03-16T21:00:00Z",
     "Sun, 16 Mar 2025 21:00:00 GMT", "Fri, 14 Mar 2025 12:30:00 GMT"),
    (CL_B_URL, cl_b_html, "2025-03-16T21:00:07Z",
     "Sun, 16 Mar 2025 21:00:07 GMT", "Tue, 11 Mar 2025 14:00:00 GMT"),
]


def _rid(*parts) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, '|'.join(parts))}>"


def write_warc(path: pathlib.Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        info = (
            "software: Rashomon demo generator (examples/make_demo.py)\r\n"
            "format: WARC File Format 1.1\r\n"
            "description: Fictional demo crawl of The Continental Ledger\r\n"
            "isPartOf: rashomon-demo\r\n"
            "robots: obey\r\n"
        ).encode("utf-8")
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=io.BytesIO(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                "WARC-Date": "2025-03-16T20:59:58Z",
                "WARC-Record-ID": _rid("warcinfo", "wire.warc.gz"),
                "WARC-Filename": "wire.warc.gz",
            }))
        for uri, make_html, wdate, hdate, lastmod in WARC_CRAWL:
            body = make_html().encode("utf-8")
            resp_id = _rid("response", uri)
            http = StatusAndHeaders("200 OK", [
                ("Date", hdate),
                ("Server", "nginx"),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Last-Modified", lastmod),
                ("Cache-Control", "max-age=300"),
            ], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": wdate, "WARC-Record-ID": resp_id,
                                   "WARC-IP-Address": "192.0.2.44"}))
            path_part = uri.split(".example", 1)[1]
            req = StatusAndHeaders(f"GET {path_part} HTTP/1.1", [
                ("Host", "www.continentalledger.example"),
                ("User-Agent", "rashomon-demo-crawler/0.1"),
                ("Accept", "text/html,application/xhtml+xml"),
                ("Accept-Language", "en"),
            ], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""), http_headers=req,
                warc_headers_dict={"WARC-Date": wdate,
                                   "WARC-Record-ID": _rid("request", uri),
                                   "WARC-Concurrent-To": resp_id}))


# =====================================================================
# Broken file
# =====================================================================

def broken_gz() -> bytes:
    page = ("<!DOCTYPE html><html><head><title>Kessmark flood: live updates"
            "</title></head><body><p>This page was cut off during download."
            "</p>" + "<p>Live updates will appear here.</p>" * 40 + "</body></html>")
    return gzip.compress(page.encode("utf-8"), mtime=0)[:40]


# =====================================================================

def main() -> None:
    (OUT / "txt").mkdir(parents=True, exist_ok=True)
    (OUT / "html").mkdir(parents=True, exist_ok=True)
    files = {
        "txt/harbour-city-gazette-2025-03-14.txt": harbour_txt(),
        "txt/eastbridge-post-2025-03-15.txt": eastbridge_txt(),
        "html/valdoria-times-2025-03-14.html": valdoria_times_html(),
        "html/tavra-courier-2025-03-14.html": tavra_courier_html(),
        "html/newsflash24-2025-03-15.html": newsflash24_html(),
        "html/techpulse-2025-03-13.html": techpulse_html(),
        "feed.xml": rvi_feed(),
        "stream.jsonl": stream_jsonl(),
    }
    for rel, text in files.items():
        (OUT / rel).write_text(text, encoding="utf-8", newline="\n")
    (OUT / "broken.html.gz").write_bytes(broken_gz())
    write_warc(OUT / "wire.warc.gz")
    for rel in sorted(list(files) + ["broken.html.gz", "wire.warc.gz"]):
        print(OUT / rel)


if __name__ == "__main__":
    main()
