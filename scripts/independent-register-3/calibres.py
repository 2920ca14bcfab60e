"""Calibre synonym groups, firearm types, countries, statuses.

Each calibre group: canonical key -> list of spellings seen in registers.
The first spelling is the 'reference' one; later ones are synonyms, including
lossy NCIC-style forms ("9", "38", "30") that registers really hold.
Groups that are related but NOT equal (.38 Special / .357 Magnum,
.223 Rem / 5.56 NATO, 9x18 / 9x19, .308 / 7.62x51) are kept separate.
"""

CALIBRES = {
    "9x19": ["9x19mm", "9mm Luger", "9mm Parabellum", "9mm NATO", "9 mm Para", "9x19", "9MM", "9mm Para"],
    "380acp": [".380 ACP", "9x17mm", "9mm Kurz", "9mm Browning Short", ".380 Auto", "380", "9mm Short"],
    "9x18": ["9x18mm Makarov", "9mm Makarov", "9x18", "9x18 PM", "9.2x18"],
    "762x25": ["7.62x25mm Tokarev", "7.62 Tokarev", "7.62x25", "7,62x25"],
    "763mauser": ["7.63x25mm Mauser", ".30 Mauser", "7.63 Mauser"],
    "762x39": ["7.62x39mm", "7.62x39", "7.62 M43", "7,62x39", ".30 Russian Short"],
    "545x39": ["5.45x39mm", "5.45x39", "5.45 Soviet", "5,45x39"],
    "556": ["5.56x45mm NATO", "5.56 NATO", "5.56x45", "5,56x45", "5.56mm"],
    "223": [".223 Remington", ".223 Rem", "223", ".223"],
    "308": [".308 Winchester", ".308 Win", "308", ".308"],
    "762x51": ["7.62x51mm NATO", "7.62 NATO", "7.62x51", "7,62x51"],
    "762x54r": ["7.62x54mmR", "7.62x54R", "7.62 Russian", "7,62x54R", "7.62x53R"],
    "45acp": [".45 ACP", ".45 Auto", "45 ACP", "11.43x23mm", "45", ".45"],
    "45colt": [".45 Colt", ".45 Long Colt", ".45 LC", "45 Colt"],
    "40sw": [".40 S&W", "40 S&W", ".40 Smith & Wesson", "10x22mm", "40", ".40"],
    "357mag": [".357 Magnum", ".357 Mag", "357 MAG", "357"],
    "357sig": [".357 SIG", "357 SIG", "357SIG"],
    "38spl": [".38 Special", ".38 Spl", "38 SPL", "38", ".38 Spec"],
    "38sw": [".38 S&W", ".38/200", "38 S&W", "9x20R"],
    "44mag": [".44 Magnum", ".44 Rem Mag", "44 MAG", "44"],
    "44spl": [".44 Special", ".44 Spl", "44 SPL"],
    "22lr": [".22 LR", ".22 Long Rifle", "22LR", "5.6mm lfB", "22", ".22"],
    "22wmr": [".22 WMR", ".22 Magnum", ".22 Mag", "22 WMR"],
    "25acp": [".25 ACP", "6.35mm Browning", "6.35x15", "6,35mm", "25 Auto"],
    "765": ["7.65mm Browning", ".32 ACP", "7.65x17mm", "32 Auto", "7,65mm", ".32 Auto"],
    "762nagant": ["7.62x38mmR Nagant", "7.62 Nagant", "7.62x38R", "7,62 Nagant"],
    "303": [".303 British", ".303", "303", "7.7x56mmR"],
    "455webley": [".455 Webley", "455", ".455"],
    "792x57": ["7.92x57mm Mauser", "8mm Mauser", "8x57 IS", "8x57", "7,92x57", "8x57JS"],
    "57x28": ["5.7x28mm", "5.7x28", "5.7 FN", "5,7x28"],
    "46x30": ["4.6x30mm", "4.6x30", "4,6x30"],
    "3006": [".30-06 Springfield", ".30-06", "30-06", "7.62x63mm", "30.06"],
    "3030": [".30-30 Winchester", ".30-30", "30-30", "30 WCF", "30"],
    "4570": [".45-70 Government", ".45-70", "45-70 Govt"],
    "10mm": ["10mm Auto", "10mm", "10 mm"],
    "65cm": ["6.5mm Creedmoor", "6.5 Creedmoor", "6.5 CM"],
    "338lm": [".338 Lapua Magnum", ".338 LM", "338 Lapua", "8.6x70mm"],
    "50ae": [".50 AE", ".50 Action Express", "50 AE"],
    "50bmg": [".50 BMG", "12.7x99mm", ".50 Browning", "12,7x99"],
    "127x108": ["12.7x108mm", "12,7x108", "12.7x108"],
    "12ga": ["12 gauge", "12 ga", "12/70", "12G", "12", "12/76", "12 bore"],
    "16ga": ["16 gauge", "16 ga", "16/70", "16"],
    "20ga": ["20 gauge", "20 ga", "20/76", "20", "20G"],
    "10ga": ["10 gauge", "10 ga", "10/89"],
    "410": [".410 bore", "410 gauge", ".410", "36 ga"],
    "9largo": ["9x23mm Largo", "9mm Largo", "9mm Bergmann-Bayard"],
    "9brlong": ["9mm Browning Long", "9x20mmSR", "9mm BL"],
    "8x56r": ["8x56mmR", "8x56R Mannlicher", "8mm Steyr"],
}

# Firearm types (ISACS / NCIC families)
TYPES = ["pistol", "revolver", "rifle", "shotgun", "submachine gun",
         "machine gun", "carbine", "combination"]

# Reporting countries (ISO alpha-3) with rough weights for an international register
REPORTING = [
    ("USA", 14), ("DEU", 7), ("FRA", 6), ("GBR", 5), ("ITA", 5), ("ESP", 4),
    ("BRA", 5), ("MEX", 5), ("ZAF", 4), ("RUS", 3), ("UKR", 4), ("POL", 3),
    ("CZE", 2), ("AUT", 2), ("BEL", 2), ("NLD", 3), ("SWE", 2), ("FIN", 1),
    ("NOR", 1), ("DNK", 1), ("CHE", 2), ("TUR", 4), ("SRB", 2), ("HRV", 1),
    ("BIH", 1), ("ALB", 1), ("BGR", 1), ("ROU", 1), ("HUN", 1), ("GRC", 2),
    ("CAN", 3), ("AUS", 2), ("NZL", 1), ("ARG", 2), ("COL", 3), ("PER", 1),
    ("CHL", 1), ("PHL", 2), ("THA", 1), ("IDN", 1), ("NGA", 2), ("KEN", 1),
    ("GHA", 1), ("CMR", 1), ("MAR", 1), ("EGY", 1), ("ISR", 1), ("JOR", 1),
    ("KAZ", 1), ("GEO", 1), ("MDA", 1), ("LTU", 1), ("LVA", 1), ("EST", 1),
    ("IRL", 1), ("PRT", 1), ("JAM", 1), ("TTO", 1), ("HND", 1), ("SLV", 1),
    ("GTM", 1), ("PAN", 1), ("CIV", 1), ("SEN", 1),
]

STATUSES = [("stolen", 55), ("lost", 25), ("trafficked", 12), ("smuggled", 8)]
