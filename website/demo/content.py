"""Words for the demo site, written for this project from the facts in shared/seed.

Nothing here goes beyond what the seed article says; a medical reviewer must
still approve it before a real launch, so no page claims to have been reviewed.
"""

HOME = {
    "title": "Home",
    "slug": "home",
    "heading": "Help when your milk is slow to come in",
    "intro": (
        "<p>Waiting for your milk can be worrying. Here you can read why it sometimes takes "
        "longer, what can make a difference, and find someone near you who can help.</p>"
    ),
}

TOPIC = {
    "title": "Breastfeeding issues",
    "slug": "breastfeeding-issues",
    "intro": "<p>Clear answers to common breastfeeding worries.</p>",
}

FACTOR_INDEX = {
    "title": "Why milk can be slow",
    "slug": "why-milk-can-be-slow",
    "intro": (
        "<p>Several things can delay milk coming in or make it harder for milk to flow. "
        "Some are well known; others are possible reasons worth checking.</p>"
    ),
}

URGENT_NOTICE = (
    "<ul>"
    "<li>your baby is not feeding, or seems very sleepy or unwell</li>"
    "<li>your baby has fewer wet or dirty nappies than your midwife told you to expect</li>"
    "<li>you feel unwell, or you are worried for any reason</li>"
    "</ul>"
    "<p>Call your midwife, health visitor or doctor. In an emergency, call your local "
    "emergency number.</p>"
)

CONTACTS = {
    "doctor": {
        "name": "Your doctor",
        "kind": "doctor",
        "summary": (
            "Your family doctor can look at your health as a whole, including any condition "
            "or medicine that might be affecting your milk."
        ),
        "when_to_contact": (
            "<p>If you have a medical condition such as diabetes or PCOS, if you take any "
            "medicine, or if you feel unwell.</p>"
        ),
        "how_to_contact": "<p>Ring your surgery or clinic and say you are breastfeeding a new baby.</p>",
        "sort_order": 20,
    },
    "midwife": {
        "name": "Your midwife",
        "kind": "midwife",
        "summary": (
            "Your midwife looks after you and your baby in the first days and weeks and can "
            "check how feeding is going."
        ),
        "when_to_contact": (
            "<p>As soon as you are worried that your milk has not come in or that your baby "
            "is not getting enough.</p>"
        ),
        "how_to_contact": "<p>Use the number you were given by your maternity team.</p>",
        "sort_order": 10,
    },
    "lactation-consultant": {
        "name": "A lactation consultant",
        "kind": "lactation-consultant",
        "summary": (
            "A lactation consultant specialises in breastfeeding. They can watch a feed, "
            "help with latch and give advice that fits your situation."
        ),
        "when_to_contact": (
            "<p>When feeding hurts, when your baby struggles to latch, or when your milk is "
            "slow and you want a plan made for you.</p>"
        ),
        "how_to_contact": '<p>Ask your maternity team, or <a href="/find-support/">search our directory</a> for one near you.</p>',
        "sort_order": 30,
    },
}

INSIGHTS = {
    "express-early": {
        "title": "Ask for help to express milk early",
        "body": (
            "<p>If your baby cannot feed at the breast yet, hospitals usually have ways to "
            "help you start expressing or pumping, so your supply can build until your baby "
            "can feed directly.</p>"
        ),
        "references": ["ekhuft-expressing"],
    },
    "early-frequent": {
        "title": "Feed or express early and often",
        "body": (
            "<p>Milk production responds to the breasts being stimulated and emptied. "
            "Starting in the first hours after birth and continuing often makes a difference.</p>"
        ),
        "references": ["start4life-supply", "chapman-1999"],
    },
    "skin-to-skin": {
        "title": "Hold your baby skin to skin when you can",
        "body": (
            "<p>Close skin contact and your baby's suckling both help milk production get "
            "going. If you have been apart, ask the team when you can start.</p>"
        ),
    },
    "discuss-condition": {
        "title": "Talk through your health with a professional",
        "body": (
            "<p>Tell your doctor or a lactation consultant about any health condition you "
            "have. They can give advice and strategies that suit you.</p>"
        ),
    },
    "check-latch": {
        "title": "Get your baby's latch checked",
        "body": (
            "<p>A lactation consultant can watch a feed and show you ways to help your baby "
            "latch on well, so milk is removed and feeding is more comfortable.</p>"
        ),
        "references": ["start4life-supply"],
    },
    "rest": {
        "title": "Look after your own rest",
        "body": (
            "<p>Stress and too little sleep can affect the hormones behind milk production. "
            "Accepting help so you can rest is part of feeding your baby.</p>"
        ),
    },
    "check-medicines": {
        "title": "Check every medicine you take",
        "body": (
            "<p>Ask your doctor whether each of your medicines is safe while breastfeeding "
            "and whether it could affect your supply. Do not stop a prescribed medicine "
            "without advice.</p>"
        ),
    },
    "tell-about-surgery": {
        "title": "Tell your care team about past breast surgery",
        "body": (
            "<p>Let your midwife or lactation consultant know about any operation on your "
            "breasts, so they can keep a closer eye on how feeding goes.</p>"
        ),
    },
    "nappies-and-weight": {
        "title": "Count the nappies: they show feeding is working",
        "body": (
            "<p>What goes in comes out. The number of wet and dirty nappies each day is the "
            "surest sign at home that your baby is getting milk, and the first-days guide says "
            "how many to expect. Your midwife will also check your baby's weight.</p>"
        ),
        "references": ["nhs-enough-milk", "elht-early-days"],
    },
    "antenatal-colostrum": {
        "title": "Ask about expressing colostrum before the birth",
        "body": (
            "<p>Some NHS hospitals suggest collecting colostrum by hand in the last weeks of "
            "pregnancy, from about 36 or 37 weeks, for mothers whose milk or baby may need "
            "extra help: for example with diabetes, a planned caesarean, polycystic ovary "
            "syndrome (PCOS), past breast surgery or breasts that developed less in pregnancy. "
            "It is not advised earlier, or in some pregnancies, because of a small risk of "
            "starting labour, so ask your midwife before you begin.</p>"
        ),
        "references": ["yeovil-colostrum", "wyevalley-colostrum"],
    },
    "advised-top-ups": {
        "title": "If a top-up is advised, give it and protect your supply",
        "body": (
            "<p>If your midwife or doctor advises a top-up, your baby being fed comes first. "
            "Ask them how much to give and how to keep your milk building while you do, so "
            "the top-ups can stop when they are no longer needed.</p>"
        ),
    },
}

# Each factor: slug -> fields, the insight keys in order, and the contacts to see.
FACTORS = {
    "premature-birth": {
        "title": "Premature birth and early separation",
        "evidence": "established",
        "specialty": "premature",
        "summary": (
            "When a baby arrives early, especially if you are separated soon after the "
            "birth, milk can take longer to become established."
        ),
        "why_it_matters": (
            "<p>Being apart interrupts the early, frequent skin contact and suckling that "
            "tell your body to make milk.</p>"
        ),
        "what_helps": (
            "<p>Keeping the breasts stimulated, usually by expressing, until your baby is "
            "ready to feed directly.</p>"
        ),
        "when_to_seek_help": (
            "<p>Ask the neonatal or maternity team for help with expressing as early as you can.</p>"
        ),
        "insights": ["express-early", "skin-to-skin", "early-frequent"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["premature", "separation"],
    },
    "diabetes-and-pcos": {
        "title": "Diabetes, PCOS and other health conditions",
        "evidence": "established",
        "specialty": "maternal-conditions",
        "summary": (
            "Diabetes in pregnancy is linked with milk coming in later. For polycystic ovary "
            "syndrome (PCOS) the evidence is only a few case reports."
        ),
        "why_it_matters": (
            "<p>Studies of mothers with diabetes find milk comes in later on average, though "
            "other differences between mothers may explain part of that. Why it happens is not "
            "yet known. For PCOS, a link has been suggested from a handful of cases.</p>"
        ),
        "what_helps": "<p>Advice and a feeding plan that take your condition into account.</p>",
        "when_to_seek_help": (
            "<p>Talk to your doctor or a lactation consultant, ideally before or soon after "
            "your baby is born.</p>"
        ),
        "insights": ["discuss-condition", "antenatal-colostrum"],
        "contacts": ["doctor", "lactation-consultant"],
        "tags": ["diabetes", "pcos", "hormones"],
    },
    "late-first-feed": {
        "title": "A late first feed or first expressing",
        "evidence": "possible",
        "specialty": "low-supply",
        "summary": (
            "If breastfeeding or expressing does not start within the first few hours after "
            "birth, milk may come in later."
        ),
        "why_it_matters": (
            "<p>Early and frequent stimulation of the breasts is one of the main signals for "
            "milk production.</p>"
        ),
        "what_helps": "<p>Starting as soon as you can and then feeding or expressing often.</p>",
        "when_to_seek_help": "<p>If you could not feed soon after birth, ask your midwife for support.</p>",
        "insights": ["early-frequent", "skin-to-skin", "express-early", "nappies-and-weight"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["first-feed"],
    },
    "poor-latch": {
        "title": "A latch that does not work well",
        "evidence": "possible",
        "specialty": "latch",
        "summary": (
            "If your baby is not latched on well, they may not take milk out effectively, "
            "and feeding can be uncomfortable for you."
        ),
        "why_it_matters": (
            "<p>Milk being removed is what tells your body to make more. A shallow latch "
            "removes less.</p>"
        ),
        "what_helps": "<p>Help from someone skilled in latch technique.</p>",
        "when_to_seek_help": "<p>If feeds hurt or your baby seems frustrated at the breast.</p>",
        "insights": ["check-latch"],
        "contacts": ["lactation-consultant", "midwife"],
        "tags": ["latch"],
    },
    "stress-and-fatigue": {
        "title": "Stress and tiredness",
        "evidence": "possible",
        "specialty": "wellbeing",
        "summary": "Stress and lack of sleep can affect your hormones and, with them, your milk.",
        "why_it_matters": (
            "<p>Milk production is driven by hormones, and stress and exhaustion can get in "
            "their way.</p>"
        ),
        "what_helps": "<p>Managing stress and getting rest where you can may help breastfeeding.</p>",
        "when_to_seek_help": (
            "<p>If you feel overwhelmed, tell your midwife or doctor. You deserve support too.</p>"
        ),
        "insights": ["rest"],
        "contacts": ["midwife", "doctor"],
        "tags": ["wellbeing", "sleep"],
    },
    "medications": {
        "title": "Some medications",
        "evidence": "possible",
        "specialty": "medications",
        "summary": "Some medicines can affect milk supply.",
        "why_it_matters": "<p>Certain medicines can reduce the amount of milk you make.</p>",
        "what_helps": "<p>Checking each medicine with a professional who knows you are breastfeeding.</p>",
        "when_to_seek_help": (
            "<p>Before starting any medicine, and whenever you are unsure whether one is safe "
            "while breastfeeding.</p>"
        ),
        "insights": ["check-medicines", "discuss-condition"],
        "contacts": ["doctor"],
        "tags": ["medicines"],
    },
    "breast-surgery": {
        "title": "Previous breast surgery",
        "evidence": "possible",
        "specialty": "breast-surgery",
        "summary": "An operation on your breasts in the past can affect milk production.",
        "why_it_matters": "<p>Surgery can affect the milk ducts and the nerves in the breast.</p>",
        "what_helps": "<p>Early support and a careful watch on how feeding is going.</p>",
        "when_to_seek_help": "<p>Let your care team know about the surgery before or soon after birth.</p>",
        "insights": ["tell-about-surgery", "antenatal-colostrum", "check-latch"],
        "contacts": ["lactation-consultant", "midwife"],
        "tags": ["surgery"],
    },
}

ARTICLE = {
    "title": "When breast milk is not coming out",
    "slug": "when-breast-milk-is-not-coming-out",
    "intro": (
        "Milk does not always arrive straight away, or flow as you expected. There are "
        "several known reasons, and help is available for each of them."
    ),
    "opening": (
        "<p>It is common to worry when your milk seems slow. Below are the things that can "
        "delay milk coming in or make it harder to flow, with practical steps for each.</p>"
    ),
    "factor_heading": "Why milk can be slow to come in",
    "factor_intro": (
        "<p>Some of these are well studied and some much less; each factor's page says what "
        "the research shows and where it comes from.</p>"
    ),
    "help_heading": "Where to get help",
    "help_intro": (
        "If your milk is slow to come in, talk to a professional. They can help find the "
        "cause and give advice that fits you."
    ),
    "callout_title": "You do not have to work this out alone",
    "callout_text": (
        "<p>A delay is not your fault. Asking for help early often makes things easier.</p>"
    ),
    "references": [
        "start4life-supply",
        "peng-2024",
        "perth-2007",
        "chapman-1999",
        "de-bortoli-2016",
        "marasco-2000",
        "ekhuft-expressing",
    ],
}

PAGES = {
    "about": {
        "title": "About this site",
        "intro": (
            "<p>This site explains, in plain words, why milk can be slow to come in and how "
            "to find help near you.</p>"
        ),
        "body": (
            "<p>Our editors write every page. Health pages go to a medical reviewer through the "
            "site's review workflow, and each one shows whether, and when, it was last "
            "reviewed.</p>"
            "<p>Listings in the demo directory are fictional examples.</p>"
        ),
        "review_status": True,
    },
    "privacy": {
        "title": "Privacy",
        "intro": "<p>We do not track you, and what you search for stays private.</p>",
        "body": (
            "<p>Pages load nothing from other companies. The place you type, or the location "
            "your browser shares, is used only to answer your search and is not stored or "
            "logged. A map is loaded from a map provider only if you ask to see one.</p>"
        ),
    },
}

# Sources for the health content below, from shared/clinical-sources.md (primary guidance
# and peer-reviewed studies only). Titles are the publishers' own where the page gave one;
# for journal articles the journal, first author and year identify the paper.
REFERENCES = {
    "nhs-enough-milk": {
        "title": "Is my baby getting enough milk?",
        "publisher": "NHS",
        "url": "https://www.nhs.uk/baby/breastfeeding-and-bottle-feeding/breastfeeding-problems/enough-milk/",
    },
    "nhs-first-days": {
        "title": "Breastfeeding: the first few days",
        "publisher": "NHS",
        "url": "https://www.nhs.uk/baby/breastfeeding-and-bottle-feeding/breastfeeding/the-first-few-days/",
    },
    "nyamagoudar-2024": {
        "title": "Nyamagoudar and others, colostrum volumes in the first three days (391 mothers)",
        "publisher": "BMJ Paediatrics Open",
        "url": "https://doi.org/10.1136/bmjpo-2024-002622",
        "year": 2024,
    },
    "elht-early-days": {
        "title": "Early breastfeeding days (reproducing the UNICEF UK Baby Friendly chart)",
        "publisher": "East Lancashire Hospitals NHS Trust",
        "url": "https://elht.nhs.uk/services/maternity-and-newborn-services/infant-feeding/early-breastfeeding-days",
    },
    "snee-after-birth": {
        "title": "After birth (maternity booklet, page 29)",
        "publisher": "East Suffolk and North Essex NHS Foundation Trust",
        "url": "https://flipbooks.gs-cdn.co.uk/snee-maternity-transformation-program/after-birth/29",
    },
    "aap-first-visit": {
        "title": "First office visit: 3 to 5 days",
        "publisher": "American Academy of Pediatrics",
        "url": "https://www.aap.org/en/patient-care/newborn-and-infant-nutrition/newborn-and-infant-health-assessment-and-promotion/first-office-visit-3-5-days/",
    },
    "ibj-onset-2022": {
        "title": "Cohort study of the onset of lactogenesis II",
        "publisher": "International Breastfeeding Journal",
        "url": "https://link.springer.com/article/10.1186/s13006-022-00523-3",
        "year": 2022,
    },
    "peng-2024": {
        "title": "Peng and others, meta-analysis of delayed onset of lactation (35 studies)",
        "publisher": "International Breastfeeding Journal",
        "url": "https://doi.org/10.1186/s13006-024-00666-5",
        "year": 2024,
    },
    "nommsen-rivers-2010": {
        "title": "Nommsen-Rivers and others, study of the onset of lactation in first-time mothers",
        "publisher": "American Journal of Clinical Nutrition",
        "url": "https://pubmed.ncbi.nlm.nih.gov/20573792/",
        "year": 2010,
    },
    "chapman-1999": {
        "title": "Chapman and Pérez-Escamilla, study of risk factors for delayed onset of lactation",
        "publisher": "Journal of the American Dietetic Association",
        "url": "https://pubmed.ncbi.nlm.nih.gov/10207398/",
        "year": 1999,
    },
    "start4life-supply": {
        "title": "Things that can affect your milk supply",
        "publisher": "NHS Start for Life",
        "url": "https://dct-start4life.service.nhs.uk/start4life/baby/breastfeeding/things-that-can-affect-your-milk-supply/",
    },
    "nhs-constipation": {
        "title": "Constipation (breastfeeding challenges)",
        "publisher": "NHS Best Start in Life",
        "url": "https://www.nhs.uk/best-start-in-life/baby/feeding-your-baby/breastfeeding/breastfeeding-challenges/constipation/",
    },
    "grampian-poo": {
        "title": "Your baby's poo",
        "publisher": "NHS Grampian",
        "url": "https://www.birthingrampian.scot.nhs.uk/your-babys-poo/",
    },
    "wy-jaundice": {
        "title": "Jaundice: worried your baby is unwell? (under 3 months)",
        "publisher": "West Yorkshire Healthier Together (NHS)",
        "url": "https://wyhealthiertogether.nhs.uk/parentscarers/worried-your-baby-unwell-under-3-months/jaundice",
    },
    "aap-fever": {
        "title": "Fever: when to call the pediatrician",
        "publisher": "American Academy of Pediatrics (HealthyChildren.org)",
        "url": "https://www.healthychildren.org/English/health-issues/conditions/fever/Pages/When-to-Call-the-Pediatrician.aspx",
    },
    "chco-newborn-illness": {
        "title": "Newborn illness: how to recognize",
        "publisher": "Children's Hospital Colorado",
        "url": "https://www.childrenscolorado.org/conditions-and-advice/conditions-and-symptoms/symptoms/newborn-illness-how-to-recognize/",
    },
    "seattle-jaundice": {
        "title": "Jaundiced newborn: when to call",
        "publisher": "Seattle Children's Hospital",
        "url": "https://www.seattlechildrens.org/medical-conditions/symptom-index/jaundiced-newborn/",
    },
    "stanford-emergencies": {
        "title": "Child health emergencies",
        "publisher": "Stanford Medicine Children's Health",
        "url": "https://www.stanfordchildrens.org/en/topic/default?id=child-health-emergencies-1-4111",
    },
    "cdc-hearher": {
        "title": "Recognizing urgent pregnancy-related warning signs (Hear Her)",
        "publisher": "Centers for Disease Control and Prevention",
        "url": "https://www.cdc.gov/hearher/resources/news-media/recognizing-urgent-warning-signs.html",
    },
    "nhs-fever": {
        "title": "Fever in children",
        "publisher": "NHS",
        "url": "https://www.nhs.uk/symptoms/fever-in-children/",
    },
    "open-med-2008": {
        "title": "Systematic review of weight loss in exclusively breastfed newborns",
        "publisher": "Open Medicine",
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC3091615/",
        "year": 2008,
    },
    "nice-ng75": {
        "title": "Faltering growth: recognition and management (NG75), recommendations 1.1.1 to 1.1.2",
        "publisher": "NICE",
        "url": "https://www.nice.org.uk/guidance/ng75/chapter/Recommendations",
        "year": 2017,
    },
    "nhs-wales-weight": {
        "title": "Baby health: weight and height",
        "publisher": "NHS 111 Wales",
        "url": "https://111.wales.nhs.uk/livewell/pregnancy/babyhealthweightheight/",
    },
    "nice-ng194": {
        "title": "Postnatal care (NG194)",
        "publisher": "NICE",
        "url": "https://www.nice.org.uk/guidance/ng194",
        "year": 2021,
    },
    "rotherham-postnatal": {
        "title": "Postnatal information for parents",
        "publisher": "The Rotherham NHS Foundation Trust",
        "url": "https://www.therotherhamft.nhs.uk/patients-and-visitors/patient-information/postnatal-information-for-parents",
    },
    "nidirect-mastitis": {
        "title": "Mastitis",
        "publisher": "nidirect (Northern Ireland Government)",
        "url": "https://www.nidirect.gov.uk/conditions/mastitis",
    },
    "kent-pnd": {
        "title": "Postnatal depression",
        "publisher": "Kent and Medway Local Maternity System (NHS)",
        "url": "https://www.kentandmedwaylms.nhs.uk/after-birth/emotional-wellbeing-after-birth/post-natal-depression",
    },
    "nhs-dehydration": {
        "title": "Dehydration",
        "publisher": "NHS",
        "url": "https://www.nhs.uk/conditions/dehydration/",
    },
    "mindwell-psychosis": {
        "title": "What is postpartum psychosis?",
        "publisher": "MindWell Leeds (NHS in Leeds)",
        "url": "https://www.mindwell-leeds.org.uk/myself/how-life-experiences-can-affect-us/pregnancy-and-becoming-a-parent/i-am-a-new-dad-or-partner/what-is-postpartum-psychosis/",
    },
    "mkuh-illness": {
        "title": "Illness in baby",
        "publisher": "Milton Keynes University Hospital NHS Foundation Trust",
        "url": "https://www.mkuh.nhs.uk/maternity-services/your-pregnancy-journey/postnatal-care/illness-in-baby",
    },
    "wmas-999-111": {
        "title": "999 or 111?",
        "publisher": "West Midlands Ambulance Service NHS",
        "url": "https://wmas.nhs.uk/999-or-111/",
    },
    "berkshire-breastfeeding": {
        "title": "Breastfeeding",
        "publisher": "Berkshire Healthcare NHS Foundation Trust",
        "url": "https://cypf.berkshirehealthcare.nhs.uk/health-and-development/your-baby-and-you/breastfeeding/",
    },
    "ekhuft-expressing": {
        "title": "Expressing breast milk for your baby in the neonatal unit",
        "publisher": "East Kent Hospitals University NHS Foundation Trust",
        "url": "https://leaflets.ekhuft.nhs.uk/expressing-breast-milk-for-your-baby-in-the-neonatal-unit/html",
    },
    "levene-2024": {
        "title": "Levene and others, cohort of 132 mothers of very preterm babies: timing of first expressing",
        "publisher": "Archives of Disease in Childhood: Fetal and Neonatal Edition",
        "url": "https://doi.org/10.1136/archdischild-2023-326784",
        "year": 2024,
    },
    "who-facilities-2017": {
        "title": "Guideline: protecting, promoting and supporting breastfeeding in facilities providing maternity and newborn services",
        "publisher": "World Health Organization",
        "url": "https://www.who.int/publications/i/item/9789241550086",
        "year": 2017,
    },
    "elht-bottle": {
        "title": "Early bottle feeding days",
        "publisher": "East Lancashire Hospitals NHS Trust",
        "url": "https://elht.nhs.uk/services/maternity-and-newborn-services/infant-feeding/early-bottle-feeding-days",
    },
    "perth-2007": {
        "title": "Perth cohort of 453 women: risk factors for delayed onset of lactation",
        "publisher": "Maternal and Child Nutrition",
        "url": "https://pmc.ncbi.nlm.nih.gov/articles/PMC6860869/",
        "year": 2007,
    },
    "dewey-2003": {
        "title": "Dewey and others, study of risk factors for delayed onset of lactation",
        "publisher": "Pediatrics",
        "url": "https://pubmed.ncbi.nlm.nih.gov/12949292/",
        "year": 2003,
    },
    "de-bortoli-2016": {
        "title": "De Bortoli and Amir, systematic review of diabetes and the onset of lactation",
        "publisher": "Diabetic Medicine",
        "url": "https://pubmed.ncbi.nlm.nih.gov/26113051/",
        "year": 2016,
    },
    "marasco-2000": {
        "title": "Marasco and others, three case reports on polycystic ovary syndrome and milk supply",
        "publisher": "Journal of Human Lactation",
        "url": "https://pubmed.ncbi.nlm.nih.gov/11153345",
        "year": 2000,
    },
    "huggins-2000": {
        "title": "Huggins, Petok and Mireles, Markers of lactation insufficiency: a study of 34 mothers",
        "publisher": "Current Issues in Clinical Lactation (Jones and Bartlett), not online",
        "year": 2000,
    },
    "derbyshire-poo": {
        "title": "Baby's poo",
        "publisher": "Derbyshire Healthy Family service",
        "url": "https://www.derbyshirehealthyfamily.org.uk/breastfeeding/practical-tips/babys-poo",
    },
    "neifert-1981": {
        "title": "Neifert, McDonough and Neville, Failure of lactogenesis associated with placental retention (case report)",
        "publisher": "American Journal of Obstetrics and Gynecology",
        "url": "https://pubmed.ncbi.nlm.nih.gov/7246673/",
        "year": 1981,
    },
    "yeovil-colostrum": {
        "title": "Antenatal colostrum harvesting",
        "publisher": "Yeovil District Hospital NHS Foundation Trust",
        "url": "https://yeovilhospital.co.uk/antenatal-colostrum-harvesting/",
    },
    "wyevalley-colostrum": {
        "title": "Colostrum harvesting",
        "publisher": "Wye Valley NHS Trust",
        "url": "https://wyevalley.nhs.uk/visitors-and-patients/county-hospital-acute/a-z-departments/maternity/your-pregnancy/colostrum-harvesting.aspx",
    },
    "ijgm-2024": {
        "title": "Scoping review of factors in delayed onset of lactation",
        "publisher": "International Journal of General Medicine",
        "url": "https://doi.org/10.2147/IJGM.S452108",
        "year": 2024,
    },
}

# The "get help now" card for UK readers, in NHS wording. Each sign sits in the tier of the
# most urgent source it cites, and its sources are REFERENCES keys. The US card follows; readers
# in other regions see the card's notice with their own numbers until a card for theirs exists.
WARNING_SIGNS = {
    "uk": {
        "title": "Get help now",
        "emergency_line": "your baby cannot be woken, stops breathing, goes blue or has a fit",
        "signs": [
            {"tier": "emergency", "who": "baby", "text": "cannot be woken, or has pauses in their breathing", "sources": ["wy-jaundice", "mkuh-illness"]},
            {"tier": "emergency", "who": "baby", "text": "stops breathing, or goes blue", "sources": ["mkuh-illness"]},
            {"tier": "emergency", "who": "baby", "text": "has a fit (a seizure or convulsion)", "sources": ["mkuh-illness"]},
            {"tier": "emergency", "who": "parent", "text": "have sudden or very heavy bleeding, chest pain, or you collapse", "sources": ["rotherham-postnatal"]},
            {"tier": "emergency", "who": "parent", "text": "might harm yourself or your baby, or someone close to you fears you might", "sources": ["mindwell-psychosis"]},
            {"tier": "urgent", "who": "baby", "text": "is under 3 months old and has a temperature of 38°C or more", "sources": ["nhs-fever"]},
            {"tier": "urgent", "who": "baby", "text": "has yellow skin or eyes in the first 24 hours after birth", "sources": ["wy-jaundice"]},
            {"tier": "urgent", "who": "baby", "text": "looks very pale all over, has blotchy skin, or feels cold to the touch", "sources": ["mkuh-illness"]},
            {"tier": "urgent", "who": "baby", "text": "has a bulging soft spot on the top of their head", "sources": ["mkuh-illness"]},
            {"tier": "urgent", "who": "baby", "text": "has a soft spot that sinks inwards, a dry mouth or few tears, or seems drowsy: signs of dehydration", "sources": ["nhs-dehydration"]},
            {"tier": "urgent", "who": "parent", "text": "seem suddenly confused, hear or see things that are not there, have strange or frightening beliefs, a very high or fast-changing mood, or cannot sleep: people close to you often notice this before you do", "sources": ["mindwell-psychosis"]},
            {"tier": "today", "who": "baby", "text": "is not feeding, or is not interested in feeds", "sources": ["mkuh-illness"]},
            {"tier": "today", "who": "baby", "text": "is getting sleepier and less interested in feeding", "sources": ["wy-jaundice"]},
            {"tier": "today", "who": "baby", "text": "has had no wet nappy for 8 hours, or is passing much less wee", "sources": ["wy-jaundice", "mkuh-illness"]},
            {"tier": "today", "who": "baby", "text": "has fewer than 8 feeds in 24 hours once the first days are over", "sources": ["elht-early-days"]},
            {"tier": "today", "who": "baby", "text": "has dark wee, or pink or orange crystals in the nappy after the first couple of days", "sources": ["grampian-poo"]},
            {"tier": "today", "who": "baby", "text": "still has black, sticky poo (meconium) after day 3, or fewer than 2 yellow poos a day from day 4", "sources": ["derbyshire-poo", "nhs-enough-milk"]},
            {"tier": "today", "who": "baby", "text": "looks more yellow each day, or looks very pale and yellow", "sources": ["wy-jaundice"]},
            {"tier": "today", "who": "baby", "text": "has pale, chalky poo, or still has yellow skin or eyes after 2 weeks (3 weeks if born early)", "sources": ["wy-jaundice"]},
            {"tier": "today", "who": "parent", "text": "are bleeding more rather than less, or passing clots bigger than a 50p coin", "sources": ["rotherham-postnatal"]},
            {"tier": "today", "who": "parent", "text": "have a fever or shivers, or a discharge that smells bad", "sources": ["rotherham-postnatal", "nice-ng194"]},
            {"tier": "today", "who": "parent", "text": "have a red, swollen or painful area on a breast, with a high temperature, aches or chills", "sources": ["nidirect-mastitis"]},
            {"tier": "today", "who": "parent", "text": "have felt low for more than a week or two since the birth", "sources": ["kent-pnd"]},
        ],
    },
    # For US readers, from US children's hospitals' own advice lines, the American Academy
    # of Pediatrics and the CDC, in US words and units. It has no "today" tier: none of
    # these sources gives a newborn sign a same-day (rather than right-now) answer.
    "us": {
        "title": "Get help now",
        "emergency_line": "your baby cannot be woken, has blue or gray lips or face, or has a seizure",
        "signs": [
            {"tier": "emergency", "who": "baby", "text": "cannot be woken, or is not moving or very weak", "sources": ["chco-newborn-illness"]},
            {"tier": "emergency", "who": "baby", "text": "has bluish or gray lips, tongue or face, or grunts or moans with every breath", "sources": ["chco-newborn-illness"]},
            {"tier": "emergency", "who": "baby", "text": "has a seizure: rhythmic jerking and does not respond to you", "sources": ["stanford-emergencies"]},
            {"tier": "urgent", "who": "baby", "text": "is under 3 months (12 weeks) old and has a temperature of 100.4°F (38.0°C) or higher", "sources": ["aap-fever"]},
            {"tier": "urgent", "who": "baby", "text": "has to be woken for feeds, cannot finish them, sucks weakly, or throws up green", "sources": ["chco-newborn-illness"]},
            {"tier": "urgent", "who": "baby", "text": "has gone floppy, moves less than usual, or has a weak or strange cry", "sources": ["chco-newborn-illness"]},
            {"tier": "urgent", "who": "baby", "text": "turned yellow in the first 24 hours, looks deep yellow or orange, is yellow down to the legs, or looks more yellow than when last checked", "sources": ["seattle-jaundice"]},
            {"tier": "urgent", "who": "baby", "text": "has not peed for over 8 hours, has dark pee, or a very dry mouth", "sources": ["seattle-jaundice"]},
            {"tier": "urgent", "who": "parent", "text": "have thoughts of harming yourself or your baby", "sources": ["cdc-hearher"]},
            {"tier": "urgent", "who": "parent", "text": "have chest pain, a racing heart, or trouble breathing", "sources": ["cdc-hearher"]},
            {"tier": "urgent", "who": "parent", "text": "have a severe headache that will not go away or gets worse, changes in your eyesight, dizziness or fainting", "sources": ["cdc-hearher"]},
            {"tier": "urgent", "who": "parent", "text": "have a fever of 100.4°F or higher, heavy bleeding, or a discharge that smells bad", "sources": ["cdc-hearher"]},
            {"tier": "urgent", "who": "parent", "text": "have a leg that hurts, swells or looks red, or very swollen hands or face", "sources": ["cdc-hearher"]},
            {"tier": "urgent", "who": "parent", "text": "have severe belly pain that does not go away, or feel overwhelmingly tired", "sources": ["cdc-hearher"]},
        ],
    },
}  # fmt: skip

# The first-days guide. The table follows NHS national guidance (the site's region is the
# UK) and its note says where other guidance differs.
FIRST_DAYS = {
    "title": "Your first days of feeding",
    "slug": "first-days",
    "intro": (
        "What is normal in your baby's first week, how to tell they are getting enough milk, "
        "and when to call for help."
    ),
    "days": [
        {
            "day": "Day 1",
            "normal": (
                "Your breasts make colostrum, a rich early milk. Your baby needs only a little "
                "at each feed: about a teaspoon."
            ),
            "feeds": "At least 3 to 4 (many babies feed more)",
            "wet_nappies": "1 to 2",
            "dirty_nappies": "Meconium, the first poo",
            "stool_colour": "Meconium",
            "when_to_call": (
                "Yellow skin or eyes (jaundice) in the first 24 hours, or no wet nappy for 8 hours."
            ),
            "sources": [
                "nyamagoudar-2024",
                "snee-after-birth",
                "elht-early-days",
                "nhs-enough-milk",
                "wy-jaundice",
            ],
        },
        {
            "day": "Day 2",
            "normal": "Still colostrum, in small amounts: it is what your baby needs now.",
            "feeds": "At least 6 to 8",
            "wet_nappies": "1 to 2 (2 or 3 over the first 48 hours)",
            "dirty_nappies": "Meconium",
            "stool_colour": "Meconium",
            "when_to_call": (
                "Your baby is getting sleepier and less interested in feeds, or has had no wet "
                "nappy for 8 hours."
            ),
            "sources": [
                "nyamagoudar-2024",
                "snee-after-birth",
                "elht-early-days",
                "nhs-enough-milk",
                "wy-jaundice",
            ],
        },
        {
            "day": "Days 3 to 4",
            "normal": (
                "Milk usually comes in between 48 and 72 hours after the birth. If it has not "
                "by 72 hours, tell your midwife."
            ),
            "feeds": "At least 8 to 12, night feeds included",
            "wet_nappies": "3 a day",
            "dirty_nappies": "At least 2 a day",
            "stool_colour": "Changing: brown, green, then yellow",
            "when_to_call": (
                "Milk not in by 72 hours; fewer than 8 feeds in 24 hours; pink or orange "
                "crystals in the nappy; still black, sticky poo after day 3."
            ),
            "sources": [
                "ibj-onset-2022",
                "peng-2024",
                "nhs-first-days",
                "elht-early-days",
                "grampian-poo",
                "derbyshire-poo",
            ],
        },
        {
            "day": "Days 5 to 6",
            "normal": (
                "Most babies lose some weight at first: about 6% of birth weight on "
                "average. A loss of more than 10% needs a check."
            ),
            "feeds": "At least 8 to 12",
            "wet_nappies": "At least 6 heavy ones a day",
            "dirty_nappies": "At least 2 a day",
            "stool_colour": "Yellow and soft, each at least the size of a £2 coin",
            "when_to_call": "No poo for 24 to 48 hours, or fewer wet nappies than this.",
            "sources": [
                "open-med-2008",
                "nice-ng75",
                "nhs-first-days",
                "nhs-enough-milk",
                "nhs-constipation",
            ],
        },
        {
            "day": "Day 7 onwards",
            "normal": (
                "Weight starts to climb again. Most babies are back to their birth weight by "
                "2 to 3 weeks."
            ),
            "feeds": "At least 8 to 12",
            "wet_nappies": "At least 6 heavy ones a day",
            "dirty_nappies": "At least 2 a day",
            "stool_colour": "Yellow",
            "when_to_call": "Yellow skin or eyes after 2 weeks (3 if born early), or pale, chalky poo.",
            "sources": [
                "nhs-wales-weight",
                "nice-ng75",
                "nhs-first-days",
                "nhs-enough-milk",
                "wy-jaundice",
            ],
        },
    ],
    "note": (
        "Guidance differs on when to expect 6 wet nappies a day: the NHS says from day 5, the "
        "UNICEF UK chart some hospitals use says from day 7, and US paediatricians say by day "
        "4 or 5. This table follows the NHS. On weight, NHS Wales expects most babies back to "
        "birth weight by 2 weeks and NICE by 3 weeks. Your own midwife's advice comes first."
    ),
    # Each row cites its own sources (numbered beside it); the note's extra source follows.
    "note_sources": ["aap-first-visit"],
    "sections": [
        {
            "heading": "If your milk has not come in by 72 hours",
            "tone": "urgent",
            "text": (
                "<p>For most mothers milk comes in two to three days after the birth. When it "
                "takes longer than 72 hours it is called delayed. This is common: about 3 in "
                "10 mothers in a review of 35 studies (most of them from China), and more "
                "than 4 in 10 first-time mothers in one study.</p>"
                "<p>Keep feeding or expressing often, and talk to your midwife, health visitor "
                "or a breastfeeding specialist as soon as you can. Take your baby's feeds and "
                "nappies for the last day with you.</p>"
            ),
            "sources": [
                "ibj-onset-2022",
                "peng-2024",
                "nommsen-rivers-2010",
                "chapman-1999",
                "start4life-supply",
            ],
        },
        {
            "heading": "Is my baby getting enough?",
            "tone": "plain",
            "text": (
                "<p>What goes in comes out. The surest signs at home are in the table above: "
                "the number of wet and dirty nappies each day, and poo that changes from "
                "meconium to yellow by about day 4.</p>"
                "<p>Your baby's weight is the other check. Losing some weight in the first days "
                "is expected. A loss of more than a tenth of birth weight means your midwife or "
                "doctor should look at how feeding is going.</p>"
            ),
            "sources": ["nhs-enough-milk", "elht-early-days", "open-med-2008", "nice-ng75"],
        },
        {
            "heading": "Keeping your baby fed while your milk builds",
            "tone": "plain",
            "text": (
                "<p><strong>Feed or express often.</strong> Aim for at least 8 to 12 feeds in "
                "24 hours, including at night: prolactin, a hormone that drives milk "
                "production, is higher at night.</p>"
                "<p><strong>Hand expressing</strong> is the preferred way to collect colostrum "
                "in the first 72 hours. If your baby is in neonatal care, start expressing as "
                "soon as you can after the birth and then at least 8 times in 24 hours, night "
                "included. One NHS leaflet suggests starting within 2 hours; a study of very "
                "premature babies found starting within 6 hours helped, and within 2 hours "
                "added nothing more.</p>"
                "<p><strong>Topping up.</strong> The WHO advises giving newborns nothing but "
                "breast milk unless there is a medical reason. If your midwife or doctor advises "
                "a top-up, ask them what to give and how much. For babies born early, cups or "
                "spoons are preferred to bottles and teats. If a bottle is used, hold your baby "
                "fairly upright and the bottle level or slightly tipped, so your baby sets the "
                "pace.</p>"
            ),
            "sources": [
                "nhs-first-days",
                "berkshire-breastfeeding",
                "ekhuft-expressing",
                "levene-2024",
                "who-facilities-2017",
                "elht-bottle",
            ],
        },
    ],
}

# Evidence notes and references for the factors, and the recognised risk factors the seed
# article does not list. Each note claims only what its references report.
FACTOR_EVIDENCE = {
    "premature-birth": {
        "topic": "birth",
        "evidence_note": (
            "<p>Our sources on this page cover expressing for a baby in neonatal care. A "
            "reviewer has not yet added a study that measures how often early birth delays "
            "milk.</p>"
        ),
        "references": ["ekhuft-expressing", "levene-2024"],
    },
    "diabetes-and-pcos": {
        "topic": "health",
        "evidence_note": (
            "<p>For diabetes, a systematic review found milk can come in later, but says many "
            "other differences between mothers could explain part of that. For PCOS the "
            "evidence is weak: the link was proposed from three case reports.</p>"
        ),
        "references": ["de-bortoli-2016", "marasco-2000"],
    },
    "late-first-feed": {
        "topic": "feeding",
        "evidence_note": (
            "<p>Guidance agrees on feeding or expressing early and often; a reviewer has not "
            "yet added a study measuring the effect of a late first feed itself.</p>"
        ),
        "references": ["nhs-first-days", "chapman-1999"],
    },
}
for _slug in ("poor-latch", "stress-and-fatigue", "medications", "breast-surgery"):
    FACTOR_EVIDENCE[_slug] = {
        "topic": {"breast-surgery": "health", "medications": "health"}.get(_slug, "feeding"),
        "evidence_note": (
            "<p>This page comes from our first article. A medical reviewer has not yet added "
            "a published source for it.</p>"
        ),
        "references": [],
    }
FACTOR_EVIDENCE["stress-and-fatigue"]["topic"] = "health"

NEW_FACTORS = {
    "first-baby": {
        "title": "A first baby",
        "topic": "birth",
        "specialty": "low-supply",
        "summary": "Milk is more often slow to come in after a first baby than after later ones.",
        "why_it_matters": (
            "<p>Studies that follow mothers from the birth find a delay more often in "
            "first-time mothers. It does not mean your milk will not come; it is a reason to "
            "feed often and ask for help early.</p>"
        ),
        "evidence_note": (
            "<p>Well supported: in a study of 453 women in Perth the odds of a delay were about "
            "three times higher with a first baby, and a review of 35 studies agrees.</p>"
        ),
        "what_helps": "<p>Feeding or expressing early and often, night feeds included.</p>",
        "when_to_seek_help": "<p>If your milk has not come in by 72 hours after the birth.</p>",
        "insights": ["early-frequent", "skin-to-skin"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["first-baby"],
        "references": ["perth-2007", "peng-2024", "nommsen-rivers-2010"],
    },
    "caesarean-birth": {
        "title": "A caesarean birth",
        "topic": "birth",
        "specialty": "low-supply",
        "summary": (
            "Milk comes in later more often after a caesarean, especially one that was not planned."
        ),
        "why_it_matters": (
            "<p>After a caesarean, and especially an unplanned one, studies find a delay more "
            "often. Starting feeds or expressing soon after the birth still helps.</p>"
        ),
        "evidence_note": (
            "<p>Well supported: the odds of a delay were more than twice as high in the Perth "
            "study, an earlier study named unplanned caesareans, and the link holds across a "
            "review of 35 studies.</p>"
        ),
        "what_helps": "<p>Skin contact and feeding or expressing as soon as you can.</p>",
        "when_to_seek_help": "<p>Ask the team for help to start expressing if your baby cannot feed yet.</p>",
        "insights": ["skin-to-skin", "express-early", "early-frequent"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["caesarean", "birth"],
        "references": ["perth-2007", "chapman-1999", "peng-2024"],
    },
    "long-labour": {
        "title": "A long pushing stage of labour",
        "topic": "birth",
        "specialty": "low-supply",
        "summary": "A pushing stage of labour longer than an hour has been linked to milk coming in later.",
        "why_it_matters": (
            "<p>One study found a delay more often when the second, pushing stage of labour "
            "lasted more than an hour.</p>"
        ),
        "evidence_note": "<p>Moderate: few studies have looked at it.</p>",
        "what_helps": "<p>Feeding or expressing early and often after the birth.</p>",
        "when_to_seek_help": "<p>If your milk has not come in by 72 hours after the birth.</p>",
        "insights": ["early-frequent", "skin-to-skin"],
        "contacts": ["midwife"],
        "tags": ["labour", "birth"],
        "references": ["dewey-2003", "ijgm-2024"],
    },
    "thyroid": {
        "title": "Thyroid problems",
        "topic": "health",
        "specialty": "maternal-conditions",
        "summary": "Thyroid disease in pregnancy is among the conditions linked to milk coming in later.",
        "why_it_matters": (
            "<p>A review of 35 studies of delayed milk lists thyroid disease in pregnancy among "
            "the things linked with it. How a thyroid problem might delay milk is not yet "
            "clear.</p>"
        ),
        "evidence_note": (
            "<p>Supported for thyroid disease as a group; there is little evidence about an "
            "underactive thyroid on its own.</p>"
        ),
        "what_helps": "<p>Keeping your thyroid treatment under review with your doctor.</p>",
        "when_to_seek_help": "<p>Tell your doctor and midwife that you have a thyroid condition.</p>",
        "insights": ["discuss-condition", "check-medicines", "antenatal-colostrum"],
        "contacts": ["doctor", "midwife"],
        "tags": ["thyroid", "hormones"],
        "references": ["peng-2024"],
    },
    "insufficient-glandular-tissue": {
        "title": "Insufficient glandular tissue",
        "topic": "health",
        "specialty": "low-supply",
        "summary": "Some breasts have less milk-making tissue than usual, which can limit supply.",
        "why_it_matters": (
            "<p>In a small study of 34 mothers with this condition, most could not make all "
            "the milk their baby needed in the first month.</p>"
        ),
        "evidence_note": "<p>Limited: one small study without a comparison group.</p>",
        "what_helps": "<p>An early check of feeding and a plan made with a specialist.</p>",
        "when_to_seek_help": "<p>If you are worried about how your breasts have changed in pregnancy.</p>",
        "insights": ["discuss-condition", "antenatal-colostrum", "early-frequent"],
        "contacts": ["lactation-consultant", "doctor"],
        "tags": ["breast-tissue"],
        "references": ["huggins-2000"],
    },
    "formula-before-milk": {
        "title": "Formula top-ups before your milk comes in",
        "topic": "feeding",
        "specialty": "low-supply",
        "summary": (
            "Formula in the first days, before your milk has come in, has been linked with "
            "milk coming in later."
        ),
        "why_it_matters": (
            "<p>Milk is made in answer to feeds. A baby who has had formula stays full for "
            "longer and feeds less often, and the less often your baby feeds, the less milk "
            "you make.</p>"
        ),
        "evidence_note": (
            "<p>Supported: a US study found formula given before milk came in was among the "
            "things linked with a delay, and NHS guidance explains why top-ups mean fewer "
            "feeds. How much a small top-up that a midwife advises changes things has not been "
            "measured in these sources.</p>"
        ),
        "what_helps": (
            "<p>Giving any top-up your midwife or doctor advises, and feeding or expressing "
            "often alongside it.</p>"
        ),
        "when_to_seek_help": (
            "<p>Before you start top-ups nobody has advised, talk to your midwife or a "
            "breastfeeding specialist.</p>"
        ),
        "insights": ["advised-top-ups", "early-frequent", "nappies-and-weight"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["formula", "top-ups"],
        "references": ["chapman-1999", "start4life-supply"],
    },
    "tongue-tie": {
        "title": "Tongue-tie",
        "topic": "feeding",
        "specialty": "latch",
        "summary": "A tongue-tie can make it harder for a baby to latch on and feed from the breast.",
        "why_it_matters": (
            "<p>When the strip of skin under a baby's tongue is shorter than usual, the tongue "
            "moves less freely and the baby may not latch on well. A baby who takes less milk "
            "out asks your body to make less.</p>"
        ),
        "evidence_note": (
            "<p>NHS guidance names tongue-tie among the things that can affect milk supply. "
            "The sources here do not measure how often it delays milk coming in.</p>"
        ),
        "what_helps": "<p>A check of your baby's mouth and a feed watched by someone trained.</p>",
        "when_to_seek_help": (
            "<p>If feeds hurt, your baby keeps slipping off the breast, or you are told your "
            "baby may have a tongue-tie.</p>"
        ),
        "insights": ["check-latch", "nappies-and-weight"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["tongue-tie", "latch"],
        "references": ["start4life-supply"],
    },
    "higher-body-weight": {
        "title": "A higher body weight",
        "topic": "health",
        "specialty": "low-supply",
        "summary": (
            "Several studies link a higher body weight in pregnancy with milk coming in "
            "later, though not all of them do."
        ),
        "why_it_matters": (
            "<p>In studies that followed mothers from the birth, a higher body mass index was "
            "one of the things more common when milk came in later. It says nothing about "
            "you as a mother; it is a reason to plan support early.</p>"
        ),
        "evidence_note": (
            "<p>Mostly supported: US studies (one used a body mass index above 27) and a "
            "review of 35 studies found a link, but a study of 453 women in Perth found "
            "none.</p>"
        ),
        "what_helps": "<p>Feeding or expressing early and often, and an early check of feeding.</p>",
        "when_to_seek_help": (
            "<p>Ask in pregnancy for help with feeding after the birth, and again if your "
            "milk has not come in by 72 hours.</p>"
        ),
        "insights": ["early-frequent", "antenatal-colostrum", "nappies-and-weight"],
        "contacts": ["midwife", "lactation-consultant"],
        "tags": ["weight", "bmi"],
        "references": [
            "dewey-2003",
            "chapman-1999",
            "nommsen-rivers-2010",
            "peng-2024",
            "perth-2007",
        ],
    },
    "retained-placenta": {
        "title": "A piece of placenta left behind",
        "topic": "birth",
        "specialty": "low-supply",
        "summary": (
            "Very rarely, part of the placenta stays in the womb after the birth, and milk "
            "does not come in fully until it is removed."
        ),
        "why_it_matters": (
            "<p>Reports of single mothers describe milk that did not come in until tissue "
            "left from the placenta was found and removed.</p>"
        ),
        "evidence_note": (
            "<p>Very limited: this comes from case reports, not from studies comparing groups "
            "of mothers, so how often it happens is not known.</p>"
        ),
        "what_helps": (
            "<p>Telling your midwife or doctor if your milk has not come in, and whether you "
            "are bleeding more rather than less, passing large clots or have a fever.</p>"
        ),
        "when_to_seek_help": (
            "<p>Sudden or very heavy bleeding is an emergency: use the numbers at the top of "
            "this page.</p>"
        ),
        "insights": ["early-frequent", "nappies-and-weight"],
        "contacts": ["midwife", "doctor"],
        "tags": ["placenta", "birth"],
        "references": ["neifert-1981", "rotherham-postnatal"],
    },
}

# The appointment plan: tick boxes and questions (no health claims, so no sources needed).
APPOINTMENT_PLAN = {
    "title": "Take this to your appointment",
    "slug": "my-appointment-plan",
    "intro": (
        "Tick what applies to you and your baby, and get a one-page plan with the questions "
        "to ask and a blank log of feeds and nappies to fill in before you go."
    ),
    "tried": [
        ("Feeding at least 8 times in 24 hours", False),
        ("Feeding at night", False),
        ("Skin-to-skin contact", False),
        ("Hand expressing", False),
        ("Expressing with a pump", False),
        ("Topping up with my expressed milk", True),
        ("Topping up with donor milk or formula", True),
        ("Having a feed watched by a midwife or lactation consultant", False),
    ],
    "questions": [
        ("Is my baby getting enough milk, going by their nappies and weight?", "always"),
        ("Could you watch a feed and check how my baby latches on?", "always"),
        (
            "My baby is more than 72 hours old. Has my milk come in, and if not, what should "
            "we do next?",
            "after-72-hours",
        ),
        (
            "Could the things I have ticked be slowing my milk, and what would help with them?",
            "risk-factor",
        ),
        (
            "How much top-up should my baby have, how should I give it, and when can we reduce it?",
            "topping-up",
        ),
        ("Who can I call if I am worried before my next appointment?", "always"),
    ],
}

# Factors whose pages link to the guide's "keeping your baby fed" section.
FEEDING_GUIDE_FACTORS = {
    "premature-birth",
    "diabetes-and-pcos",
    "late-first-feed",
    "poor-latch",
    "breast-surgery",
    "first-baby",
    "caesarean-birth",
    "long-labour",
    "thyroid",
    "insufficient-glandular-tissue",
    "formula-before-milk",
    "tongue-tie",
    "higher-body-weight",
    "retained-placenta",
}
