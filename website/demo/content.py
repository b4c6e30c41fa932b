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
        "how_to_contact": "<p>Ask your maternity team, or search our directory for one near you.</p>",
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
    },
    "early-frequent": {
        "title": "Feed or express early and often",
        "body": (
            "<p>Milk production responds to the breasts being stimulated and emptied. "
            "Starting in the first hours after birth and continuing often makes a difference.</p>"
        ),
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
            "Some health conditions in the mother, such as diabetes or polycystic ovary "
            "syndrome (PCOS), can affect how much milk is made."
        ),
        "why_it_matters": (
            "<p>These conditions can upset the balance of hormones that milk production "
            "depends on.</p>"
        ),
        "what_helps": "<p>Advice and a feeding plan that take your condition into account.</p>",
        "when_to_seek_help": (
            "<p>Talk to your doctor or a lactation consultant, ideally before or soon after "
            "your baby is born.</p>"
        ),
        "insights": ["discuss-condition"],
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
        "insights": ["early-frequent", "skin-to-skin", "express-early"],
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
        "insights": ["tell-about-surgery", "check-latch"],
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
        "<p>Two causes are well recognised. Others are possible and worth ruling out.</p>"
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
}

PAGES = {
    "about": {
        "title": "About this site",
        "intro": (
            "<p>This site explains, in plain words, why milk can be slow to come in and how "
            "to find help near you.</p>"
        ),
        "body": (
            "<p>Articles are written by our editors and checked by medical reviewers before "
            "they are published. Each page shows when it was last reviewed.</p>"
            "<p>Listings in the demo directory are fictional examples.</p>"
        ),
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
