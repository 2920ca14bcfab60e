#!/usr/bin/env python3
"""Independent test-data generator for armsmatch (firearm hit detection).

Built from domain knowledge only (real makes, models, calibres, serial formats and the
ways officers misread and mistype them), by a session that never read the library's own
generator (`core/src/synth.rs`) or its matching code: a second opinion on hit quality,
to find blind spots the library's generator shares with the library (its make aliases
come from the same reference, its noise from the same rules). Use it to *find* misses,
then fix them for the domain; tuning costs to it would only move the blind spot.

    python3 scripts/independent-register.py --seed N --records 300000 --queries 6000 --out DIR
    armsmatch eval --records DIR/records.csv --queries DIR/queries.csv --truth DIR/truth.csv

writes DIR/records.csv, DIR/queries.csv, DIR/truth.csv (UTF-8).  Standard library only,
deterministic for a given seed (no iteration over hash-ordered sets feeds a random choice).

A "firearm" (truth group) is (make family, serial key) where the serial key is the serial
upper-cased, separators dropped and Cyrillic/Greek look-alike letters folded to Latin.
"""
import argparse
import csv
import os
import random
import re
import sys
import unicodedata

# --------------------------------------------------------------------------------------
# Calibres: synonym groups, first form canonical.  Lossy register forms (".45", "9MM")
# are included where registers really write them.
# --------------------------------------------------------------------------------------
CAL = {
    "9x19": ["9mm Luger", "9x19", "9x19mm", "9mm Parabellum", "9mm Para", "9 Para",
             "9mm NATO", "9MM", "9 x 19", "9x19 Para"],
    "380": [".380 ACP", "380 Auto", ".380 Auto", "9x17", "9mm Kurz", "9mm Browning Short",
            "9mm Short", "380ACP", ".380"],
    "9x18": ["9x18 Makarov", "9x18mm", "9mm Makarov", "9x18 PM", "9 x 18", "9mm Mak"],
    "9x21": ["9x21 IMI", "9x21", "9x21mm"],
    "9x20sr": ["9mm Browning Long", "9x20SR", "9mm BL"],
    "9x23largo": ["9mm Largo", "9x23 Largo", "9mm Bergmann-Bayard"],
    "45acp": [".45 ACP", "45 Auto", ".45 Auto", "11.43x23", "45ACP", "11,43mm", ".45"],
    "40sw": [".40 S&W", "40 S&W", "40SW", "10x22", ".40 Smith & Wesson", ".40"],
    "10mm": ["10mm Auto", "10mm", "10 mm Auto"],
    "357sig": [".357 SIG", "357 SIG", "357SIG"],
    "357mag": [".357 Magnum", ".357 Mag", "357 MAG", "9x33R", "357 Magnum", ".357"],
    "38spl": [".38 Special", ".38 Spl", "38 SPL", ".38 S&W Special", "38 Special", "9x29R"],
    "38sw": [".38 S&W", "38/200", ".38 S&W (380/200)", "9x20R"],
    "44mag": [".44 Magnum", ".44 Mag", "44 MAG", ".44 Rem Mag", ".44 Remington Magnum"],
    "44spl": [".44 Special", ".44 Spl", "44 SPL"],
    "4440": [".44-40 WCF", ".44-40", "44 WCF"],
    "45colt": [".45 Colt", ".45 Long Colt", "45 LC", ".45 LC"],
    "455": [".455 Webley", ".455", "455 Webley Mk II", "11.6x19R"],
    "50ae": [".50 AE", "50 AE", ".50 Action Express", "12.7x33"],
    "22lr": [".22 LR", "22 Long Rifle", ".22 Long Rifle", "22LR", "5.6x15R", "22 L.R.", ".22"],
    "22wmr": [".22 WMR", ".22 Magnum", "22 Win Mag", ".22 Win Mag Rimfire"],
    "17hmr": [".17 HMR", "17 HMR", ".17 Hornady Magnum Rimfire"],
    "25acp": [".25 ACP", ".25 Auto", "6.35mm Browning", "6.35x15", "6,35mm", "6.35mm"],
    "32acp": [".32 ACP", ".32 Auto", "7.65mm Browning", "7.65x17", "7,65mm", "7.65mm"],
    "32sw": [".32 S&W Long", ".32 S&W L", "32 Long", ".32 S&W"],
    "763": ["7.63x25 Mauser", "7.63 Mauser", ".30 Mauser", "7,63mm"],
    "765para": ["7.65 Parabellum", "7.65x21", ".30 Luger", "7,65x21"],
    "765long": ["7.65 Longue", "7.65x20 Longue", "7,65mm Long"],
    "762x25": ["7.62x25 Tokarev", "7.62x25", "7.62x25mm", "7,62x25", "7.62 Tok", "7.62mm TT"],
    "762x38r": ["7.62x38R Nagant", "7.62 Nagant", "7,62x38R"],
    "762x39": ["7.62x39", "7.62x39mm", "7,62x39", "7.62 x 39", "7.62 M43", "7.62x39 M43"],
    "545x39": ["5.45x39", "5.45x39mm", "5,45x39", "5.45 x 39"],
    "556": ["5.56x45 NATO", "5.56x45", "5.56 NATO", "5,56x45", "5.56mm", "5.56x45mm"],
    "223": [".223 Remington", ".223 Rem", "223 REM", ".223", "223"],
    "30carbine": [".30 Carbine", "30 M1 Carbine", "7.62x33"],
    "308": [".308 Winchester", ".308 Win", "308 WIN", ".308"],
    "762x51": ["7.62x51 NATO", "7.62x51", "7,62x51", "7.62 NATO", "7.62x51mm"],
    "3006": [".30-06 Springfield", ".30-06", "30-06 SPRG", "30-06", "7.62x63"],
    "3030": [".30-30 Winchester", ".30-30 Win", "30-30", "30-30 WIN", ".30 WCF"],
    "762x54r": ["7.62x54R", "7.62x54mmR", "7,62x54R", "7.62x54 R", "7.62 x 54 R"],
    "792x57": ["7.92x57 Mauser", "8mm Mauser", "8x57 IS", "7,92x57", "8x57IS", "7.92x57mm"],
    "8x56r": ["8x56R", "8x56R Mannlicher", "8 x 56 R"],
    "75x54": ["7.5x54 French", "7.5x54 MAS", "7,5x54"],
    "65x52": ["6.5x52 Carcano", "6.5 Carcano", "6,5x52", "6.5x52mm"],
    "65x55": ["6.5x55 Swedish", "6.5x55", "6,5x55", "6.5x55 SE"],
    "303": [".303 British", ".303", "303 BRIT", "7.7x56R"],
    "270": [".270 Winchester", ".270 Win", "270 WIN"],
    "243": [".243 Winchester", ".243 Win", "243 WIN"],
    "300wm": [".300 Win Mag", ".300 Winchester Magnum", "300 WM", ".300 WM"],
    "65cm": ["6.5 Creedmoor", "6.5mm Creedmoor", "6.5 CM", "6.5 Creed"],
    "93x62": ["9.3x62", "9,3x62", "9.3x62mm"],
    "7x64": ["7x64", "7x64mm", "7 x 64"],
    "4570": [".45-70 Government", ".45-70", "45-70 GOVT"],
    "57x28": ["5.7x28", "5.7x28mm", "5.7 FN", "5,7x28"],
    "46x30": ["4.6x30", "4.6x30mm", "4,6x30"],
    "10ga": ["10 ga", "10 gauge", "10GA"],
    "12ga": ["12 ga", "12 gauge", "12GA", "12 Gauge", "12/70", "12/76", "12G", "Cal. 12",
             "12 bore"],
    "16ga": ["16 ga", "16 gauge", "16GA", "16/70"],
    "20ga": ["20 ga", "20 gauge", "20GA", "20/76", "20 Gauge"],
    "410": [".410 bore", ".410", "410 GA", ".410 ga", "410 Bore"],
    "9pak": ["9mm P.A.K.", "9mm PAK", "9mm R.K.", "9 mm Blank"],
    "8mmblank": ["8mm blank", "8 mm R.K.", "8mm Knall"],
    "8mmgas": ["8mm gas", "8 mm P.A.", "8mm PA"],
    "44perc": [".44 percussion", ".44 cap and ball", ".44 BP"],
    "36perc": [".36 percussion", ".36 cap and ball", ".36 BP"],
    "44mm": ["44mm Flash-Ball", "44 mm"],
}

TYPES = ("pistol", "revolver", "rifle", "shotgun", "submachine_gun", "other")
P, R, RI, S, SMG, O = TYPES


def M(t, cals, forms, w=1.0, fmt=None):
    return {"type": t, "cals": [c.strip() for c in cals.split(",") if c.strip()],
            "forms": [f.strip() for f in forms.split(";") if f.strip()], "w": w, "fmt": fmt}


def F(name, pop, names, missp, fmts, models):
    return {"name": name, "pop": pop, "names": names, "missp": missp, "fmts": fmts,
            "models": models}


def glock(n, t=P, cals="9x19", w=1.0):
    return M(t, cals, f"{n}; G{n}; Glock {n}; {n} Gen4; G{n} Gen5; GLOCK {n} GEN3; "
                      f"Model {n}; G{n} Gen3", w)


SH_IMZ = "^######*50; ^ ######*15; #########*20; %%####*15"      # Baikal shotguns: year + number
MOD_WALTHER = "@@@####*40; WA######*30; @######*30"             # post-1990 Walther

# Serial format tokens: '#' digit, '@' Latin letter (no I/O/Q), '%' Cyrillic letter,
# '^' two-digit year, '~' four-digit year; anything else literal.
# names: "name*weight; ..." ('!' = register-only spelling, never used as a query alias)
FAMILIES = [
    F("Glock", 10, "Glock*6; Glock GmbH*2; Glock Ges.m.b.H.; Glock Inc.",
      "Glok; Gloc; Glcok; Golck; Glock Gmbh Austria",
      "@@@###*45; @@@@###*35; @@###US*10; @@@###US*4; #####*2",
      [glock(17, w=5), glock(19, w=6), glock(26, w=3), glock(43, w=3), glock(48, w=1.5),
       glock(22, cals="40sw", w=3), glock(23, cals="40sw", w=3), glock(27, cals="40sw"),
       glock(21, cals="45acp", w=1.5), glock(30, cals="45acp"), glock(20, cals="10mm", w=.5),
       glock(42, cals="380", w=1.5), glock(34, w=.8), glock(45, w=.8), glock(32, cals="357sig", w=.4),
       glock(18, w=.3)]),
    F("Smith & Wesson", 9,
      "Smith & Wesson*6; S&W*4; Smith and Wesson*2; SMITH & WESSON INC; Smith & Wesson Corp.; "
      "S & W; Smith&Wesson",
      "Smith & Weston; Smith Wesson; Smith & Wessen; Smith & Wesso; Smyth & Wesson",
      "@@@####*50; @@#####*10; @######*15; ######*15; @@@@###*5",
      [M(P, "9x19,40sw,45acp", "M&P Shield; M&P9 Shield; Shield; MP Shield; M&P Shield 9", 5),
       M(P, "9x19", "M&P9; M&P 9; M&P; MP9; M&P9 M2.0", 4),
       M(P, "40sw", "M&P40; M&P 40; MP40; M&P40 M2.0", 2),
       M(P, "9x19", "SD9VE; SD9 VE; SD9", 3), M(P, "40sw", "SW40VE; SW40 VE; SD40VE", 1.5),
       M(R, "357mag", "686; Model 686; 686-6; 686 Plus", 2),
       M(R, "44mag", "629; Model 629; 629-6", 1),
       M(R, "38spl", "642; Model 642; 642 Airweight; 642-2", 2.5),
       M(R, "38spl", "36; Model 36; Chiefs Special; 36-1", 1.5),
       M(R, "38spl", "10; Model 10; M&P Model 10; 10-5", 2),
       M(R, "357mag", "19; Model 19; 19-3", .8), M(R, "357mag,38spl", "60; Model 60; 60-4", 1),
       M(R, "357mag", "66; Model 66; 66-2 Combat Magnum", .8),
       M(P, "45acp", "SW1911; SW 1911; 1911", .8),
       M(P, "9x19", "5906; Model 5906", 1), M(P, "40sw", "4006; Model 4006", .8),
       M(P, "380", "Bodyguard 380; BG380; M&P Bodyguard 380", 2),
       M(RI, "556,223", "M&P15; M&P 15; MP15; M&P15 Sport", 2),
       M(P, "22lr", "22A; Model 22A", .7)]),
    F("Ruger", 7,
      "Ruger*6; Sturm, Ruger & Co.*3; Sturm Ruger*2; Sturm Ruger & Company; Ruger & Co",
      "Rugar; Rueger; Rugger; Sturm Rugar",
      "###-#####*60; ##-#####*15; ####-#####*10; ########*10; @@@#####*5",
      [M(RI, "22lr", "10/22; 10-22; 1022; 10/22 Carbine", 5), M(P, "380", "LCP; LCP II; LCP 380", 4),
       M(P, "9x19", "LC9; LC9s; LC 9", 2.5), M(P, "9x19", "SR9; SR9c; SR 9", 2),
       M(P, "9x19", "Security-9; Security 9; SEC9", 2), M(P, "9x19", "P95; P-95; P95DC", 2),
       M(P, "9x19", "P89; P-89", 1.2), M(P, "45acp", "P345; P-345", .5),
       M(R, "357mag", "GP100; GP-100; GP 100", 1.5), M(R, "357mag,38spl", "SP101; SP-101", 1.2),
       M(R, "38spl", "LCR; LCR 38; LCRx", 1.5),
       M(R, "357mag,45colt", "Blackhawk; New Model Blackhawk; NM Blackhawk", 1),
       M(R, "44mag", "Super Blackhawk; Super Blackhawk Hunter", .6), M(R, "44mag", "Redhawk; Super Redhawk", .5),
       M(P, "22lr", "Mark III; MKIII; Mk III; Mark 3", 2), M(P, "22lr", "Mark IV; MKIV; Mk IV", 1),
       M(RI, "223,556", "Mini-14; Mini 14; Mini14; Mini-14 Ranch", 1.5),
       M(RI, "308,223,65cm", "American; American Rifle; Ruger American", 1)]),
    F("Beretta", 6,
      "Beretta*6; Pietro Beretta*2; Fabbrica d'Armi Pietro Beretta; P. Beretta; Beretta USA; Beretta S.p.A.",
      "Baretta; Berretta; Bereta; Barretta; Beretts",
      "BER######*25; @#####Z*25; @@#####*15; @#####@*15; ######*10; @######@*10",
      [M(P, "9x19", "92FS; 92 FS; M9; 92F; Mod. 92FS; 92", 5),
       M(P, "9x19,40sw", "PX4 Storm; PX4; Px4; PX4 Storm Compact", 2.5), M(P, "9x19", "APX; APX Centurion", 1),
       M(P, "380", "84; Cheetah; 84FS; Model 84", 1.5), M(P, "380", "85; 85FS; Cheetah 85", .8),
       M(P, "25acp", "950; Jetfire; 950 BS", 1), M(P, "22lr,25acp", "21A; Bobcat; 21 Bobcat", 1),
       M(P, "32acp", "3032; Tomcat", .8), M(P, "380", "1934; M1934; Mod. 1934", 1.2),
       M(P, "32acp", "70; Model 70; M70", .6), M(P, "9x19", "8000; Cougar; 8000 Cougar", .8),
       M(S, "12ga", "A400; A400 Xplor", 1), M(S, "12ga,20ga", "686; 686 Silver Pigeon; Silver Pigeon I; 686 S.P.", 2),
       M(S, "12ga", "AL391 Urika; Urika; 391", 1.5), M(S, "12ga", "1301; 1301 Tactical", .5),
       M(SMG, "9x19", "M12; PM12; PM12S; Model 12", .4), M(RI, "556", "AR70; AR 70/90; SC70", .3)]),
    F("SIG Sauer", 5,
      "SIG Sauer*5; Sig Sauer*3; SIG*2; SIG SAUER INC; SIG-Sauer; Schweizerische Industrie Gesellschaft; SIG Arms",
      "Sig Saur; Sig Sawyer; Sig Sauar; Sigg Sauer",
      "U######*15; UU######*10; ##@######*25; @@@######*10; G######*10; ######*15; P######*5",
      [M(P, "9x19,40sw,357sig", "P226; P 226; P-226; P226R; P226 MK25", 3),
       M(P, "9x19,40sw", "P229; P 229; P-229; P228", 2), M(P, "45acp,9x19", "P220; P 220", 1.5),
       M(P, "9x19", "P225; P6", .6), M(P, "380,32acp", "P232; P230; P-232", .8),
       M(P, "9x19", "P320; P320 Compact; P320 M17; M17; P-320", 4),
       M(P, "9x19", "P365; P365 XL; P 365", 4), M(P, "9x19", "P938; P 938", .7),
       M(P, "9x19,40sw", "SP2022; SP 2022; SP-2022", 1.2), M(RI, "556", "MCX; MCX Virtus", .6),
       M(RI, "556", "SG 550; SG550; Stgw 90; StG 90", .6), M(RI, "556", "SG 553; SG553", .3),
       M(SMG, "9x19", "MPX; MPX-K; MPX Copperhead", .4), M(P, "9x19", "P210; P 210; SP47/8", .4)]),
    F("Colt", 4,
      "Colt*6; Colt's Manufacturing*2; Colt's Mfg Co; Colt's Patent Fire Arms; COLT MFG; Colt Defense",
      "Cold; Coltt; Kolt; Colts Patent Firearms",
      "@@#####*25; ######*20; #####@*10; @######*10; #####-@@*8; 70G#####*5; #####-C*7",
      [M(P, "45acp", "1911; Government; Government Model; M1911; M1911A1; 1911 Government; Series 70", 5),
       M(P, "45acp,9x19", "Commander; Combat Commander; Lightweight Commander", 1.5),
       M(R, "357mag", "Python; Python 357", 1.2), M(R, "38spl", "Detective Special; Detective; Det. Special", 1.5),
       M(R, "38spl", "Cobra; Cobra 38", 1), M(R, "357mag", "King Cobra", .6),
       M(R, "38spl", "Official Police", .6), M(P, "380", "Mustang; Mustang Pocketlite; Mustang XSP", 1),
       M(R, "45colt", "Single Action Army; SAA; Peacemaker", .6),
       M(RI, "223,556", "AR-15; AR15; AR-15A2; Sporter", 2, "@@######*40; LE######*30; CR######*30"),
       M(RI, "556", "M4; M4 Carbine; LE6920; 6920", 1.5, "LE######*60; CR######*30; A######*10"),
       M(RI, "556", "M16; M16A1; M16A2", .5, "#######*50; A######*50"),
       M(P, "45acp,9x19", "Defender; Colt Defender", .5)]),
    F("Remington", 5,
      "Remington*6; Remington Arms*3; Remington Arms Company; REM; Remington Arms Co. Inc.",
      "Remmington; Remingtom; Reminton; Remingten; Remingotn",
      "@######@*40; @@#####@*15; @#######*15; #######*15; RH#####*5; ##@#####*10",
      [M(S, "12ga,20ga", "870; Model 870; 870 Express; 870 Wingmaster; 870 Express Magnum; 870 Tactical; M870", 7),
       M(S, "12ga,20ga", "1100; Model 1100; 1100 LT-20", 2), M(S, "12ga", "11-87; 1187; 11-87 Premier; 11-87 Sportsman", 2),
       M(S, "12ga", "Versa Max; VersaMax", .5),
       M(RI, "308,3006,270,243,223,300wm", "700; Model 700; 700 BDL; 700 ADL; 700 SPS; M700", 4),
       M(RI, "3006,270,308", "7400; Model 7400", 1.2), M(RI, "3006", "742; Woodsmaster; 742 Woodsmaster", 1),
       M(RI, "3006", "760; Gamemaster", .8), M(RI, "22lr", "597; Model 597", 1.2), M(RI, "22lr", "572; Fieldmaster", .5),
       M(P, "45acp", "1911 R1; R1; 1911R1", .8), M(P, "9x19", "R51", .3), M(P, "380", "RM380; RM 380", .5)]),
    F("Mossberg", 4,
      "Mossberg*6; O.F. Mossberg & Sons*3; Mossberg & Sons; O F Mossberg; MOSSBERG & SONS INC",
      "Mosberg; Mossburg; Mosburg; Mossbergs; Moosberg",
      "@######*35; MV#####*15; UM######*10; @@@#####*10; @@######*15; #######*15",
      [M(S, "12ga,20ga,410", "500; Model 500; 500A; 500 Persuader; M500; 500 Field", 8),
       M(S, "12ga", "590; 590A1; Model 590; 590 Shockwave", 3), M(S, "12ga", "835; Ulti-Mag; 835 Ulti-Mag", 1),
       M(S, "12ga", "930; Model 930; 930 SPX", 1), M(S, "12ga", "Maverick 88; 88; Maverick", 3),
       M(RI, "308,3006,270", "Patriot; Mossberg Patriot", 1), M(RI, "556,308", "MVP; MVP Patrol", .6),
       M(RI, "22lr", "702; Plinkster; 702 Plinkster", 1), M(P, "9x19", "MC1sc; MC1; MC1 SC", .6),
       M(S, "410", "183; 183K; 183 D", .6)]),
    F("Kalashnikov Concern", 5,
      "Kalashnikov Concern*3; Kalashnikov*4; Izhmash*4; IZHMASH*1; Izhevsk Machine-Building Plant; "
      "Izhevsk Machine Building Plant; Kalashnikov Group; Kalaschnikow; Kalachnikov; !Ижмаш*0.3",
      "Kalashnikow; Kalasnikov; Kalashnicov; Kalashnikiv; Kalshnikov; Izmash; Ishmash",
      "%% ####*22; %%#####*15; #######*15; ^######*10; H ^######*8; ~ %% ####*5; %%####*15; ########*10",
      [M(RI, "762x39", "AK-47; AK47; AK 47; AK-47 Type 3", 5), M(RI, "762x39", "AKM; AKMS; AKM 7.62", 5),
       M(RI, "545x39", "AK-74; AK74; AK 74; AKS-74", 4), M(RI, "545x39", "AKS-74U; AKS74U; AK-74U; Krinkov", 1.5),
       M(RI, "545x39", "AK-74M; AK74M", 1.5), M(RI, "762x39", "AK-103; AK103", .6), M(RI, "545x39", "AK-12; AK12", .5),
       M(S, "12ga", "Saiga-12; Saiga 12; Saiga12", 1.5, "H ^######*50; ^######*30; ^ ######*20"), M(RI, "762x39", "Saiga MK; Saiga; Saiga-MK", 1.5, "H ^######*50; ^######*30; ^ ######*20"),
       M(RI, "762x54r", "SVD; Dragunov; SVD Dragunov", .6), M(SMG, "9x18", "PP-19 Bizon; Bizon; PP-19", .3),
       M(SMG, "9x19", "PP-19-01 Vityaz; Vityaz; Vityaz-SN", .3), M(RI, "762x39,545x39", "RPK; RPK-74", .5)]),
    F("Tula Arms Plant", 2,
      "Tula Arms Plant*3; TOZ*3; Tulsky Oruzheiny Zavod; Tula*2; Tokarev*2; TULA ARMS; !ТОЗ*0.3",
      "Tula Arm Plant; Tokarew; Tokarov; Toz Tula",
      "%%####*25; %% ###*15; %% ####*15; #######*15; ^#####*10; %####*10; ~%%###*5",
      [M(P, "762x25", "TT-33; TT33; TT; Tokarev TT-33; TT 33", 5),
       M(R, "762x38r", "Nagant M1895; M1895; Nagant; Revolver Nagant; 1895", 2),
       M(RI, "762x54r", "M91/30; Mosin-Nagant; Mosin Nagant 91/30; 91/30; M1891/30", 3),
       M(S, "12ga", "TOZ-34; TOZ 34; TOZ34", 2), M(RI, "22lr", "TOZ-17; TOZ 17", .8),
       M(SMG, "762x25", "PPSh-41; PPSh; PPSh 41", .5), M(RI, "762x39", "SKS; SKS-45; Simonov SKS", 2),
       M(S, "12ga", "MTs 21-12; MTs21; MTs-21", .5)]),
    F("Izhevsk Mechanical Plant", 2.5,
      "Izhevsk Mechanical Plant*2; IMZ*2; Baikal*4; Izhevsky Mekhanichesky Zavod; Makarov*3; IZHMEKH; Bajkal; "
      "Makarow; !Байкал*0.3",
      "Baikl; Baykal; Izhevsk Mechanical Plan; Makarof",
      "%% ####*35; %%####*15; %%###*10; ~ %% ###*5; @@@ ####*10; ^######*15; #########*10",
      [M(P, "9x18", "PM; Makarov PM; Makarov; PM 9x18", 6), M(P, "380,9x18", "IJ-70; IZH-70; Baikal IJ-70; IJ70", 2),
       M(P, "9x19", "MP-446; Viking; MP-446 Viking", 1), M(P, "9x19", "MP-443; Grach; PYa; MP-443 Grach", .6),
       M(S, "12ga", "IZh-27; IJ-27; Baikal IJ-27; MP-27; IZH27", 4, SH_IMZ), M(S, "12ga", "IZh-43; IJ-43; MP-43", 2.5, SH_IMZ),
       M(S, "12ga", "MP-153; MP153", 2, SH_IMZ), M(S, "12ga,20ga", "IZh-18; IJ-18; MP-18", 2, SH_IMZ),
       M(O, "8mmgas", "IZh-79-8; IZh-79; MP-79", 1.5, "^######*50; ^ ######*20; %%####*30")]),
    F("Norinco", 3,
      "Norinco*5; China North Industries*2; China North Industries Corp.; NORINCO*2; China North Industries Group",
      "Norico; Norinko; Noranco; Norinc; Norinko China",
      "#######*30; ########*15; ## ######*10; ##-######*5; @@######*10; ######*20; @######*10",
      [M(RI, "762x39", "Type 56; Type 56 AK; 56; Type 56-1; T56", 5),
       M(RI, "762x39", "Type 56 SKS; SKS; Type 56 Carbine", 3), M(P, "9x19", "NP-22; NP22", 1),
       M(P, "9x19", "NP-34; NP34", .5), M(P, "762x25", "Type 54; 54; Type 54 Tokarev; TT-54", 3),
       M(P, "9x18", "Type 59; 59; Type 59 Makarov", 1), M(P, "9x19", "NZ75; NZ-75", .8),
       M(P, "45acp", "1911A1; NP-29; M1911A1", 1), M(S, "12ga", "Hawk 982; 982; Hawk", 1.5),
       M(RI, "22lr", "JW-15; JW15", 1), M(SMG, "762x25", "Type 79; 79", .3), M(RI, "762x39", "Type 81; 81", .7)]),
    F("Ceska Zbrojovka", 4,
      "Česká zbrojovka*3; CZ*6; Ceska Zbrojovka*3; CZUB*2; Ceska zbrojovka Uhersky Brod; CZ-USA; "
      "Česká zbrojovka Uherský Brod",
      "Ceska Zbroyovka; Cesca Zbrojovka; Ceska Zbrojovska; Ceska Zbrojowka",
      "######*30; @######*25; @@#####*10; ##@####*10; #####*10; @#####*15",
      [M(P, "9x19", "75; CZ 75; CZ75; 75 B; CZ 75 B; 75B; CZ75B", 6), M(P, "9x19", "75 Compact; CZ 75 Compact; 75D Compact", 2),
       M(P, "9x19", "85; CZ 85; CZ 85 Combat", 1), M(P, "9x19", "P-07; P07; CZ P-07; P-07 Duty", 2),
       M(P, "9x19", "P-09; P09; CZ P-09", 1), M(P, "9x19", "P-10 C; P10C; P-10C; P10", 2),
       M(P, "380,32acp,9x18", "83; CZ 83; vz. 83", 2), M(P, "762x25", "52; vz. 52; CZ 52; vz.52", 1.2),
       M(P, "32acp", "50; vz. 50; CZ 50; CZ 70", 1),
       M(RI, "762x39", "vz. 58; Sa vz. 58; VZ58; vz.58; Vz 58", 2),
       M(SMG, "9x19", "Scorpion EVO 3; Scorpion Evo; EVO 3; Scorpion EVO 3 S1", 1),
       M(SMG, "32acp", "Skorpion vz. 61; vz. 61; Skorpion; Sa vz. 61; Scorpion 61", 1.5),
       M(RI, "22lr", "452; CZ 452; ZKM 452", 1.5), M(RI, "22lr,17hmr", "455; CZ 455", 1),
       M(RI, "308,3006,93x62", "550; CZ 550", 1), M(RI, "556", "Bren 805; 805 Bren; Bren", .4)]),
    F("Walther", 3.5,
      "Walther*6; Carl Walther*2; Carl Walther GmbH; Walther Arms; Carl Walther Waffenfabrik",
      "Walter; Walthers; Whalther; Wather; Walther Karl",
      "######@*20; ####@*10; @@@####*20; @@####*15; ######*20; @######*10; @@######*5",
      [M(P, "380,32acp", "PPK; PPK/S; PP K; PPK-L", 4), M(P, "32acp,380", "PP; Polizeipistole; PP Super", 2),
       M(P, "9x19", "P38; P.38; P 38; P1", 2.5), M(P, "9x19,40sw", "P99; P99 AS; P99c; P99Q", 2.5, MOD_WALTHER),
       M(P, "9x19", "PPQ; PPQ M2; PPQ Q4", 2, MOD_WALTHER), M(P, "9x19", "PPS; PPS M2", 1.5, MOD_WALTHER), M(P, "22lr", "P22; P 22; P22Q", 2.5, MOD_WALTHER),
       M(P, "9x19", "PDP; PDP Compact", .8, MOD_WALTHER), M(P, "9x19", "P5; P 5; P5 Compact", .6), M(P, "9x19", "CCP; CCP M2", .5, MOD_WALTHER),
       M(RI, "22lr", "G22", .4, MOD_WALTHER), M(SMG, "9x19", "MPL; MP-L; MPK", .3), M(P, "9x19", "P88; P 88", .3)]),
    F("Taurus", 5,
      "Taurus*6; Forjas Taurus*2; Taurus International; Taurus Armas; TAURUS S.A.",
      "Tauras; Taurous; Torus; Taurrus; Tarus",
      "@@@#####*45; @@######*15; @@#####*15; @#####*10; ######*15",
      [M(P, "9x19", "PT92; PT 92; PT-92; PT92 AF; 92", 3), M(P, "40sw", "PT100; PT 100; PT-100", 1),
       M(P, "9x19", "G2C; PT111 G2C; G2c", 4), M(P, "9x19", "PT111; PT 111; Millennium G2; PT111 G2; Millennium", 3),
       M(P, "9x19", "G3; G3C; G3 Tactical", 2), M(P, "380", "PT738; TCP; 738 TCP", 1.5),
       M(P, "9x19,40sw,45acp", "24/7; PT24/7; PT 24/7", 1), M(R, "45colt,410", "Judge; Public Defender; 4510 Judge; The Judge", 2),
       M(R, "38spl", "85; Model 85; 85 Ultralite", 2.5), M(R, "357mag", "605; Model 605", 1.2),
       M(R, "357mag", "66; Model 66", 1), M(R, "38spl", "82; Model 82", 1), M(R, "44mag", "44; Model 44; Tracker 44", .7),
       M(RI, "556", "T4; T4 Carbine", .3)]),
    F("Zastava", 3,
      "Zastava*6; Zastava Arms*3; Zastava Oruzje; Zavodi Crvena Zastava; Crvena Zastava*2; ZASTAVA KRAGUJEVAC; !Застава*0.3",
      "Zastawa; Zastva; Zastavaa; Sastava; Zastave",
      "######*35; @######*10; #####*15; ## ######*10; @#####*15; ^#####*15",
      [M(RI, "762x39", "M70; M70 AB2; M70AB2; M 70; PAP M70", 6), M(P, "32acp,380", "M70A; Pistol M70; CZ M70 7.65", 2.5),
       M(P, "762x25", "M57; M-57; Tokarev M57; CZ M57", 3), M(P, "9x19", "M88; M88A; CZ 88", 1.5),
       M(P, "9x19", "CZ99; CZ 99; CZ-99; EZ9", 1.5), M(RI, "792x57", "M76; M-76", .5),
       M(RI, "762x39", "M59/66; SKS M59/66; M59", 1.5), M(SMG, "32acp", "M84; M84 Scorpion", .5),
       M(RI, "762x39", "M92; PAP M92; M92 PV", 1), M(RI, "792x57", "M48; M48 Mauser; M48A", 1), M(RI, "556", "M85; M85 NP", .3)]),
    F("FN Herstal", 2.5,
      "FN Herstal*4; FN*4; Fabrique Nationale*3; Fabrique Nationale d'Herstal*2; FN America; "
      "Fabrique Nationale de Herstal; FNH USA; F.N.",
      "FN Hersal; Fabrique National; FN Herstall; Fabrique Nationalle; FN Herstel",
      "###@@#####*20; @######*15; #########*15; @@@#####*15; ######*20; FN######*5; ##@####*10",
      [M(P, "9x19", "Hi-Power; High Power; HP; GP35; Browning Hi-Power; Mle 35; P35", 4),
       M(P, "57x28", "Five-seveN; Five-Seven; FN 57; Five seven; 57", 1.5), M(P, "45acp", "FNX-45; FNX 45; FNX-45 Tactical", 1),
       M(P, "9x19", "FNX-9; FNX 9", .8), M(P, "9x19", "FNS-9; FNS 9; FNS9", 1), M(P, "9x19", "509; FN 509; 509 Tactical", 1.2),
       M(P, "32acp,380", "1910; M1910; Model 1910; Mle 1910", 2), M(P, "32acp,380", "1922; M1922; Model 1922", 1.5),
       M(RI, "762x51", "FAL; FN FAL; L1A1; LAR", 2), M(RI, "556", "FNC; FN FNC", 1),
       M(SMG, "57x28", "P90; PS90; P 90", .6), M(RI, "556", "SCAR 16S; SCAR-L; SCAR 16", .5),
       M(RI, "762x51", "SCAR 17S; SCAR-H; SCAR 17", .3), M(O, "556", "Minimi; M249; Minimi Para", .2)]),
    F("Heckler & Koch", 2.5,
      "Heckler & Koch*5; HK*3; H&K*3; Heckler und Koch; Heckler and Koch; Heckler & Koch GmbH; HK USA",
      "Heckler Koch; Hekler & Koch; Heckler & Kock; Hecker & Koch; Heckler & Coch",
      "##-######*40; ######*15; @@######*10; ###-######*5; @######*10; ########*20",
      [M(P, "9x19,40sw,45acp", "USP; USP 9; USP Compact; USP Tactical; USP 45; P8", 4),
       M(P, "9x19", "P30; P30L; P30 V3; P30SK", 2), M(P, "9x19,40sw", "P2000; P2000SK; P 2000", 2),
       M(P, "9x19", "VP9; VP 9; SFP9; VP9SK", 2), M(P, "45acp", "HK45; HK 45; HK45C", 1),
       M(P, "9x19", "P7; P7M8; P7M13; PSP", 1.2), M(P, "9x19,45acp", "P9S; P9", .6),
       M(SMG, "9x19", "MP5; MP5A3; MP 5; MP5K; MP5SD; SP5", 2), M(SMG, "45acp", "UMP; UMP45; UMP9", .6),
       M(RI, "762x51", "G3; G3A3; HK91; G 3", 1.5), M(RI, "556", "HK33; HK 33; HK93", .6),
       M(RI, "556", "G36; G36C; G36K; G 36", 1), M(RI, "556", "HK416; 416; MR556; HK 416", .8),
       M(RI, "762x51", "HK417; MR762; HK 417", .4), M(SMG, "46x30", "MP7; MP7A1; MP 7", .4), M(RI, "556", "SL8; SL 8", .3)]),
    F("Browning", 3,
      "Browning*7; Browning Arms Company*2; Browning Arms Co.; Browning Arms",
      "Browing; Brownig; Brownin; Browining; Brownning",
      "#####@@###*30; ###@@#####*30; ######*15; @######*10; ###@@####*15",
      [M(P, "22lr", "Buck Mark; Buckmark; Buck Mark Camper; Buck Mark Standard", 3),
       M(P, "9x19", "Hi-Power; Hi Power; High-Power; HP Mk III; BHP", 2), M(P, "380", "BDA 380; BDA; BDA380", .8),
       M(P, "22lr", "1911-22; 1911 22", .6), M(S, "12ga,16ga", "Auto-5; A5; Auto 5; Light Twelve", 2.5),
       M(S, "12ga,20ga", "Citori; Citori 725; Citori Lightning", 2.5), M(S, "12ga", "B525; 525; B 525", 1.5),
       M(S, "12ga", "Maxus; Maxus II", 1), M(S, "12ga,20ga", "BPS; BPS Hunter", 1.2), M(S, "12ga", "Gold; Gold Hunter", .8),
       M(RI, "308,3006,270,65cm,300wm", "X-Bolt; X Bolt; XBolt", 1.5),
       M(RI, "3006,308,300wm", "BAR; BAR Mk II; BAR Mark II; BAR Safari", 2), M(RI, "308,243", "BLR; BLR Lightweight", 1),
       M(RI, "3006,270,308", "A-Bolt; A Bolt; A-Bolt II", 1), M(RI, "22lr", "SA-22; SA22; Semi-Auto 22", .8)]),
    F("Winchester", 3,
      "Winchester*7; Winchester Repeating Arms*2; Winchester Repeating Arms Co.; U.S. Repeating Arms; USRAC; "
      "Olin Winchester; Winchester-Western",
      "Winchestor; Winchster; Winchesster; Wincester; Winchesetr",
      "#######*30; @######*20; @@######*10; ##@@@#####*15; ######*10; G#######*10; ####@@#####*5",
      [M(RI, "3030", "94; Model 94; 94 AE; 1894; M94; Ranger 94", 4),
       M(RI, "3006,270,308,300wm,243", "70; Model 70; Model 70 Featherweight; M70; 70 XTR", 3),
       M(S, "12ga", "1300; Model 1300; 1300 Defender; Defender", 2.5), M(S, "12ga,16ga", "12; Model 12", 1.2),
       M(S, "12ga", "1897; M97; Model 97; 97", 1), M(S, "12ga", "SXP; SXP Defender", 1.5),
       M(S, "12ga", "SX3; Super X3", 1), M(S, "12ga", "Super X2; SX2", .6), M(S, "12ga", "1200; Model 1200", 1.5),
       M(RI, "22lr", "190; Model 190", 1), M(RI, "22lr", "9422; Model 9422", .6),
       M(RI, "45colt,44mag,357mag", "1892; Model 92; 92", .8)]),
    F("Savage Arms", 2,
      "Savage Arms*4; Savage*5; Savage Arms Co.; Savage Arms Inc.",
      "Savag; Savage Arm; Savidge; Savege",
      "@######*30; #######*25; @#######*10; ########*15; @@######*10; ######*10",
      [M(RI, "3006,270,308,243,65cm", "110; Model 110; 110 Hunter; 110E; 110 Tactical", 3),
       M(RI, "308,270,243,3006,223", "Axis; Axis II; Axis XP", 3), M(RI, "308,223", "10; Model 10; 10 FP", 1),
       M(RI, "22lr", "Mark II; Mark II FV; Mk II; MkII", 2), M(RI, "17hmr,22wmr", "93R17; 93 R17; Model 93", 1.5),
       M(RI, "17hmr", "A17", .6), M(RI, "22lr", "64; Model 64; 64F", 1.5), M(RI, "22lr", "Rascal", .6),
       M(S, "20ga", "220; Model 220", .4), M(RI, "308,243", "99; Model 99", .8), M(P, "32acp,380", "1907; Model 1907", .4)]),
    F("Marlin", 2,
      "Marlin*7; Marlin Firearms*2; Marlin Firearms Co.; Marlin Firearms Company; J.M. Marlin",
      "Marlen; Marlon; Marlinn; Merlin",
      "########*40; MR#####@*10; @@######*20; #######*20; ##@#####*10",
      [M(RI, "3030", "336; Model 336; 336C; 336W; 336 Marauder", 4), M(RI, "22lr", "60; Model 60; 60SN; Glenfield 60", 5),
       M(RI, "357mag,44mag,45colt", "1894; Model 1894; 1894C", 1.5), M(RI, "4570", "1895; Model 1895; 1895 Guide Gun; 1895GBL", 1),
       M(RI, "22lr", "795; Model 795", 1.5), M(RI, "22lr", "XT-22; XT22", .7), M(RI, "22wmr", "925; Model 925", .4),
       M(RI, "9x19", "Camp 9; Camp Carbine; Model 9", .5), M(S, "12ga", "55; Goose Gun; Model 55", .4)]),
    F("Hi-Point", 2,
      "Hi-Point*5; Hi Point Firearms*2; Hi-Point Firearms*2; Beemiller; Beemiller Inc.",
      "High Point; Hi-Pont; Hi Piont; HighPoint Firearm",
      "P######*35; X######*15; @######*10; @#####*10; #######*15; P#######*15",
      [M(P, "9x19", "C9; C-9; Model C9; C9 Comp", 5), M(P, "380", "CF380; CF-380; CF 380", 3),
       M(P, "40sw", "JCP; JCP 40; JCP-40", 1.5), M(P, "45acp", "JHP; JHP 45", 1.5),
       M(RI, "9x19", "995; 995TS; 9mm Carbine; Model 995", 1.5), M(RI, "45acp", "4595; 4595TS", .6),
       M(RI, "40sw", "4095; 4095TS", .6), M(P, "9x19", "YC9", .3)]),
    F("Bersa", 1.5, "Bersa*6; Bersa S.A.*2; Bersa SA",
      "Berza; Bersaa; Beresa; Bresa",
      "######*40; @#####*20; @@#####*20; ######@*10; #######*10",
      [M(P, "380", "Thunder 380; Thunder .380; Thunder", 6), M(P, "9x19", "Thunder 9; Thunder 9 Pro; Thunder 9mm", 2),
       M(P, "9x19", "TPR9; TPR 9; TPR9C", 1.5), M(P, "22lr", "Thunder 22; Model 23", 1), M(P, "380", "83; Model 83", 1),
       M(P, "22lr", "64; Model 64", .4), M(P, "9x19", "BP9CC; BP9 CC; BP9", 1), M(P, "45acp", "Thunder 45; Thunder 45 Ultra Compact", .5)]),
    F("Star Bonifacio Echeverria", 1.2,
      "Star*6; Star Bonifacio Echeverria*2; Star B. Echeverria; Bonifacio Echeverria S.A.; Echeverria; Star Echeverria",
      "Starr; Star Echevarria; Star Echeverría B.",
      "######*40; #######*20; @######*10; @@#####*10; #####*20",
      [M(P, "9x19,9x23largo", "B; Model B; Star B; Super B", 3), M(P, "9x19", "BM; BKM; Model BM", 2.5),
       M(P, "9x19", "30M; 30 M; Model 30; 30PK", 1.5), M(P, "45acp,10mm", "Megastar; Mega Star", .5),
       M(P, "9x19", "Firestar; Firestar M43; M43; Firestar Plus", 1.5), M(P, "380,32acp", "SI; Super SI; Model S; S", 1.5),
       M(P, "22lr", "F; Model F; FR", .8), M(SMG, "9x19", "Z-70; Z70; Z-62", .3), M(P, "45acp", "PD; Model PD", .4)]),
    F("Llama Gabilondo", 1.2,
      "Llama*6; Llama Gabilondo*2; Gabilondo y Cia*2; Gabilondo; Llama-Gabilondo y Cia; Llama S.A.",
      "Lama; Llamma; Gavilondo; Llama Gabilando",
      "######*30; @######*20; #######*20; ##-#####*10; @#####*20",
      [M(P, "45acp", "Max-I; Max I; MAX-1", 1.5), M(P, "380", "Micro-Max; MicroMax; Micro Max", 1.5),
       M(P, "380", "III-A; IIIA; Model III-A; III A", 2), M(P, "22lr", "XV; Model XV; Especial", 1.5),
       M(P, "45acp", "IX-A; IXA; Model IX", 1.2), M(P, "9x19", "M-82; M82; Model 82", .8),
       M(R, "357mag", "Comanche; Comanche III; Martial", 1.2), M(P, "9x19,40sw,45acp", "Mini-Max; MiniMax; Mini Max", 1)]),
    F("Astra Unceta", 1,
      "Astra*6; Astra-Unceta*2; Unceta y Cia; Astra Unceta y Cia; Esperanza y Unceta",
      "Asta; Astra Unzeta; Astra Uncetta",
      "######*40; @######*20; #######*20; @@#####*20",
      [M(P, "9x19", "600; Model 600; 600/43", 2), M(P, "9x23largo", "400; Model 400; M1921", 1.5),
       M(P, "380,32acp", "Constable; Constable A-60; A-60", 2), M(P, "9x19,45acp", "A-100; A100; Panther", 1),
       M(P, "9x19", "A-75; A75; Firefox", 1), M(P, "32acp,380", "3000; Model 3000", 1),
       M(P, "25acp,22lr", "Cub; 2000 Cub; Model 2000", 1), M(R, "357mag", "357 Police; Police; Astra 357", .8)]),
    F("Canik", 2,
      "Canik*6; Canik55*2; Samsun Yurt Savunma; Samsun Domestic Defence; Canik Arms",
      "Kanik; Cannik; Canic; Canik 55 Arms",
      "##@@#####*50; T6472-## @@ #####*25; @@#####*15; @######*10",
      [M(P, "9x19", "TP9SF; TP9 SF; TP9SF Elite; TP-9SF", 4), M(P, "9x19", "TP9SA; TP9 SA; TP9SA Mod.2", 3),
       M(P, "9x19", "TP9 Elite SC; Elite SC", 1.5), M(P, "9x19", "METE SFT; Mete; METE SFx", 1),
       M(P, "9x19,40sw", "Shark; Shark-C; Shark FC", 1), M(P, "9x19", "Piranha; Piranha-F", .8), M(P, "9x19", "C100; C-100", .4)]),
    F("Girsan", 1,
      "Girsan*6; Girsan Makine*2; Girsan Machine & Light Weapon Industry; Girsan Makina",
      "Gırsan; Girsen; Girzan; Girson",
      "T0624-## @ #####*40; T0624-##@#####*20; ##@#####*20; @######*20",
      [M(P, "9x19", "MC28SA; MC 28 SA; MC28", 3), M(P, "45acp,9x19", "MC1911; MC 1911; MC1911S", 2),
       M(P, "9x19", "Regard MC; Regard; MC Regard", 2), M(P, "380", "MC14; MC 14", 1),
       M(P, "9x19", "Yavuz 16; Yavuz; Yavuz 16 Compact; MC 16", 1.5)]),
    F("Sarsilmaz", 1,
      "Sarsılmaz*3; Sarsilmaz*5; SAR Arms*2; SAR; Sarsilmaz Silah Sanayi; SAR USA",
      "Sarsimaz; Sarsilmas; Sarsilmaaz; Sarsylmaz",
      "T1102-## @ #####*35; T1102-##@#####*15; ##@@#####*20; @@######*15; ######*15",
      [M(P, "9x19", "SAR 9; SAR9; SAR9 SP; SAR9 C", 3), M(P, "9x19,45acp", "K2P; K2; K2 45", 2),
       M(P, "9x19", "B6P; B6; B6C; B6 P", 2), M(P, "9x19", "ST10; ST 10", 1),
       M(P, "9x19", "Kilinc 2000; Kılınç 2000; Kilinc; K2000", 2), M(P, "9x19", "CM9; CM 9", 1),
       M(SMG, "9x19", "SAR 109T; SAR109T; 109T", .4)]),
    F("Kimber", 1, "Kimber*6; Kimber Mfg*2; Kimber Manufacturing; Kimber of America",
      "Kimbre; Kimbar; Kimmber",
      "K######*30; KU######*20; KR#####*15; KF#####*10; PB#####*10; @@######*15",
      [M(P, "45acp", "Custom II; Custom; Custom II 45", 3), M(P, "45acp", "Ultra Carry II; Ultra Carry", 1.5),
       M(P, "45acp,9x19", "Pro Carry II; Pro Carry", 1.5), M(P, "9x19", "Micro 9; Micro9", 1.5),
       M(P, "380", "Micro; Micro 380; Micro Carry", 1.2), M(R, "357mag", "K6s; K6S", .6), M(P, "9x19,45acp", "Solo; Solo Carry", .4)]),
    F("Springfield Armory", 2,
      "Springfield Armory*6; Springfield*3; Springfield Armory Inc.; Springfield Inc",
      "Springfeild Armory; Springfield Armoury; Springfild",
      "@@######*40; @@#####*20; @######*20; ######*10; @@@######*10",
      [M(P, "45acp", "1911; 1911-A1; 1911A1; Mil-Spec; 1911 Mil-Spec; Loaded; Range Officer", 3),
       M(P, "9x19,40sw,45acp", "XD; XD-9; XD9; XD Service", 4), M(P, "9x19,45acp", "XD-S; XDS; XD-S Mod.2", 2),
       M(P, "9x19,40sw", "XD(M); XDM; XD-M", 2), M(P, "9x19", "Hellcat; Hellcat OSP; Hellcat Pro", 3),
       M(RI, "308,762x51", "M1A; M1A Standard; M1A Loaded; M1A Scout", 1.2), M(RI, "556", "SAINT; Saint; SAINT Victor", 1.5),
       M(RI, "3006", "M1 Garand; M1; Garand", .8)]),
    F("HS Produkt", .6, "HS Produkt*5; HS Produkt d.o.o.*2; I.M. Metal; IM Metal; HS",
      "HS Product; H.S. Produkt; HS Produkt Karlovac",
      "@@######*40; ######*30; @@@#####*15; @######*15",
      [M(P, "9x19,40sw", "HS2000; HS 2000; HS-2000", 3), M(P, "9x19,45acp", "XD; XD-9; XD Service", 2),
       M(RI, "556", "VHS-2; VHS 2; VHS", 1), M(P, "9x19", "H11; HS H11", .5)]),
    F("Kel-Tec", 1, "Kel-Tec*5; Kel-Tec CNC*2; Keltec; Kel Tec CNC Industries; KelTec",
      "Kel-Teck; Kell-Tec; Keltek",
      "@@@##*25; @#@##*25; @@#@##*25; @@@@##*15; ###@@*10",
      [M(P, "380", "P-3AT; P3AT; P 3AT", 3), M(P, "9x19", "P-11; P11", 1.5), M(P, "9x19", "PF-9; PF9; PF 9", 2.5),
       M(P, "32acp", "P-32; P32", 1.5), M(P, "22wmr", "PMR-30; PMR30", .8), M(RI, "9x19,40sw", "Sub-2000; SUB2000; Sub 2000", 1.5),
       M(S, "12ga", "KSG; KSG-25", .6), M(RI, "556", "SU-16; SU16", .3), M(RI, "762x51", "RFB", .2)]),
    F("Heritage Manufacturing", .7, "Heritage Manufacturing*3; Heritage*4; Heritage Mfg; Heritage Mfg Inc",
      "Heritige; Hertiage Manufacturing",
      "@######*40; @@######*20; ######*20; H#######*20",
      [M(R, "22lr,22wmr", "Rough Rider; Rough Rider 22; RR22", 5), M(P, "9x19", "Stealth; Stealth C9", .5)]),
    F("Charter Arms", .8, "Charter Arms*5; Charter Arms Corp*2; Charter 2000; Charco",
      "Charter Armes; Chartar Arms; Charter Arm",
      "######*40; ##-#####*30; @@#####*15; @######*15",
      [M(R, "38spl", "Undercover; Under Cover; Undercover 38", 4), M(R, "44spl", "Bulldog; Bull Dog; 44 Bulldog; Bulldog Pug", 2),
       M(R, "38spl", "Off Duty; Off-Duty", 1.5), M(R, "22lr", "Pathfinder", .8), M(R, "357mag", "Mag Pug; Mag-Pug", .8),
       M(R, "32sw", "Undercoverette", .3)]),
    F("Amadeo Rossi", 1, "Rossi*6; Amadeo Rossi*2; Amadeo Rossi S.A.; Braztech; Rossi USA",
      "Rosi; Rossy; Amadeo Rosi",
      "@######*30; @@######*20; @@@#####*10; ######*20; @@#####*20",
      [M(R, "38spl", "88; Model 88; R88", 2), M(R, "38spl", "68; Model 68", 2), M(R, "357mag", "971; Model 971; R971", 1.2),
       M(RI, "357mag,44mag,45colt", "R92; Model 92; 92 Puma; Puma", 1.5), M(RI, "45colt", "Circuit Judge", .5),
       M(RI, "22lr", "Rio Bravo", .4), M(S, "410", "Tuffy; Tuffy 410", .5), M(S, "12ga,20ga", "Overland; Overland SxS", .6)]),
    F("Dan Wesson", .3, "Dan Wesson*5; Dan Wesson Firearms*2; CZ-USA Dan Wesson",
      "Dan Weson; Dann Wesson",
      "######*40; @@####*20; @######*20; @@#####*20",
      [M(R, "357mag", "15; Model 15; 15-2", 2), M(P, "45acp", "Valor; Valor 1911", 1), M(P, "10mm", "Kodiak", .3)]),
    F("Armscor", 1,
      "Armscor*4; Rock Island Armory*4; RIA*2; Arms Corporation of the Philippines; Armscor Precision; "
      "Armscor of the Philippines; Squires Bingham",
      "Armscore; Rock Island Armoury; Armscorp",
      "RIA#######*40; RIA######*20; ######*15; @@@#####*10; @######*15",
      [M(P, "45acp,9x19", "M1911-A1; 1911 GI; M1911A1 FS; GI Standard; 1911", 5),
       M(R, "38spl", "M200; M206; Model 206", 1.5), M(RI, "22lr", "M1600; M-1600; 1600", 1),
       M(S, "12ga", "M30; M-30; M30 DI", 1.5), M(S, "12ga", "VR80; VR 80", .4)]),
    F("Mauser", 1,
      "Mauser*6; Mauser Werke*2; Mauserwerke Oberndorf; Mauser-Werke; Waffenfabrik Mauser; Mauser Jagdwaffen",
      "Mouser; Mauzer; Mausser; Mauser Werk",
      "#####*25; ####@*20; #####@*10; ######*20; @#####*10; ##@####*5; ####*10",
      [M(RI, "792x57", "Kar98k; K98; K98k; 98k; Karabiner 98k; 98", 5), M(RI, "792x57", "Gewehr 98; G98; Gew 98", 1),
       M(P, "763,9x19", "C96; C 96; Broomhandle; M1896; M712", 1.2), M(P, "32acp,380", "HSc; HSC; Mauser HSc", 1.5),
       M(P, "32acp,25acp", "1914; Model 1914; 1910/34; 1934", 1.2),
       M(RI, "3006,308,93x62", "M03; M 03; M03 Extreme", .6), M(RI, "308,3006", "M18; Mauser M18", .4)]),
    F("Steyr Mannlicher", 1,
      "Steyr*6; Steyr Mannlicher*3; Steyr Arms; Steyr-Daimler-Puch; Steyr Mannlicher GmbH",
      "Stayr; Styer; Steier; Steyer",
      "######@*20; @@#####*20; ######*25; #####*15; @#####*10; ##@#####*10",
      [M(RI, "556", "AUG; AUG A1; AUG A3; StG 77; Stg77; AUG A3 M1", 3), M(P, "9x19", "M9-A1; M9A1; M9", 1.5),
       M(P, "40sw", "M40-A1; M40A1; M40", .5), M(P, "9x19", "S9; S9-A1", .6), M(P, "9x19", "C9-A1; C9A1", .4),
       M(RI, "308", "Mannlicher SL; SL; Classic", 1), M(RI, "308", "Scout; Steyr Scout", .6), M(RI, "308", "SSG 69; SSG69; SSG", .6),
       M(RI, "8x56r", "M95; M1895; Mannlicher M95; M95/30", 1), M(P, "9x19", "GB; GB80; P18", .4),
       M(RI, "308,3006,270", "Pro Hunter; ProHunter", 1)]),
    F("Benelli", 1.2, "Benelli*6; Benelli Armi*2; Benelli Armi S.p.A.; Benelli USA",
      "Beneli; Bennelli; Benneli; Benellli",
      "@######*35; @@######*20; @######@*15; ######*15; @@@######*15",
      [M(S, "12ga,20ga", "M2; M2 Field; M2 Tactical; Super 90 M2", 3), M(S, "12ga", "M4; M4 Tactical; M1014; M4 Super 90", 1.5),
       M(S, "12ga", "Super Black Eagle; SBE; SBE II; SBE 3; Super Black Eagle II", 2.5),
       M(S, "12ga,20ga", "Montefeltro; Montefeltro Super 90", 2), M(S, "12ga,20ga", "Nova; Nova Pump; Nova Tactical", 3),
       M(S, "12ga", "SuperNova; Supernova; Super Nova", 1.5), M(S, "12ga", "Vinci", .6),
       M(S, "12ga", "M3; M3 Super 90; M3 Tactical", .8), M(RI, "556", "MR1; MR-1", .3),
       M(RI, "308,3006,300wm", "Argo; Argo E; Argo Comfort", .8)]),
    F("Franchi", .6, "Franchi*6; Luigi Franchi*2; L. Franchi; Luigi Franchi S.p.A.",
      "Franki; Franchy; Francchi",
      "@#####*30; @@#####*25; ######*25; @@######*20",
      [M(S, "12ga", "SPAS-12; SPAS 12; SPAS12", 1), M(S, "12ga", "SPAS-15; SPAS 15", .3),
       M(S, "12ga,20ga", "Affinity; Affinity 3; Affinity 3.5", 1.5), M(S, "12ga", "Alcione; Alcione Field", 1.5),
       M(S, "12ga,20ga", "48AL; 48 AL; 48/AL; AL48", 2), M(S, "12ga", "Instinct; Instinct L; Instinct SL", 1),
       M(RI, "308,270", "Horizon", .4)]),
    F("Fabarm", .4, "Fabarm*6; FABARM S.p.A.*2; Fabbrica Bresciana Armi",
      "Fabram; Fabarm Brescia; Fabbarm",
      "######*35; @######*25; @@######*20; #######*20",
      [M(S, "12ga", "SDASS; SDASS Tactical; SDASS Pro Forces", 1), M(S, "12ga", "Axis; Axis RS12", 1),
       M(S, "12ga", "Elos; Elos N2", 1), M(S, "12ga", "XLR5; XLR5 Velocity", .8), M(S, "12ga", "L4S; L4S Initial Hunter", .8),
       M(S, "12ga", "STF/12; STF12; STF 12", .5), M(S, "12ga", "Beta; Gamma", .6)]),
    F("Molot", .5,
      "Molot*5; Vyatskie Polyany Machine-Building Plant; Molot Arms*2; VPMZ Molot; Molot-Oruzhie",
      "Mollot; Molott; Molot Oruzie",
      "%%####*25; @@ ####*15; ^#####*20; @########*15; ######*25",
      [M(S, "12ga", "Vepr-12; Vepr 12; VPO-205", 2), M(RI, "762x39,308,545x39", "Vepr; VEPR; Vepr-K; VPO-133", 2),
       M(SMG, "762x25", "PPSh-41; PPSh; PPSh 41", .5), M(RI, "762x39", "VPO-136; VPO 136", .8)]),
    F("Arsenal AD", .7,
      "Arsenal*5; Arsenal AD*2; Arsenal JSCo; Arsenal Kazanlak; Arsenal Bulgaria; Arsenal Inc",
      "Arsanal; Arsenel; Arsenall",
      "######*25; @@######*25; ##@#####*15; BG######*10; %%####*15; #######*10",
      [M(RI, "556", "AR-M1; ARM1; AR M1", 1.5), M(RI, "762x39", "SAM7; SAM7R; SAM 7; SAM7SF", 1.5),
       M(RI, "762x39", "SLR-95; SLR95; SLR 95", 1), M(RI, "545x39", "SLR-104; SLR104", .6),
       M(RI, "762x39", "SLR-107; SLR107; SLR-107R", 1), M(P, "9x18", "Makarov; PM; Bulgarian Makarov", 2),
       M(RI, "762x39", "AKK; AKKS", 1)]),
    F("Romarm", .8,
      "Romarm*4; Cugir*4; Fabrica de Arme Cugir; Cugir Arms Factory; RomArm S.A.; UM Cugir",
      "Romarn; Cujir; Cugir Romarm Arms",
      "#-@####-##*25; @@-####-##*20; @@ #### ##*10; ######*20; @@####*15; ##/#####*10",
      [M(RI, "762x39", "PM md. 63; PM md.63; PM-63; AIM; AK md. 63", 3), M(RI, "762x39", "PM md. 65; AIMS; md. 65", 1.5),
       M(RI, "762x39", "WASR-10; WASR10; WASR 10; WASR-10/63", 3), M(RI, "762x54r", "PSL; PSL-54C; FPK; Romak III", .8),
       M(P, "32acp", "Carpati; md. 74; Pistol md. 1974", 1.2), M(P, "9x19", "md. 95; Pistol md. 95", .4),
       M(RI, "762x39", "SAR-1; SAR 1", .8)]),
    F("FEG", .6, "FEG*6; Fegyver- és Gépgyár*2; FÉG; Fegyvergyar; FEGARMY",
      "Feg Hungary; Fegyver es Gepgyar; FEGG",
      "@@####*30; ######*25; @#####*20; @@#####*15; R######*10",
      [M(P, "9x18", "PA-63; PA63; PA 63; AP 63", 3), M(P, "9x19", "PJK-9HP; P9R; FEG P9", 1.5),
       M(RI, "762x39", "AMD-65; AMD65; AMD 65", 1.5), M(RI, "762x39", "SA-85M; SA85M; SA 85M", .8),
       M(P, "380", "AP9; AP-9; AP 9", .8), M(P, "380", "PMK-380; PMK380; SMC-380", .6)]),
    F("Fabryka Broni Lucznik", .5,
      "FB Radom*4; Fabryka Broni Łucznik*2; Łucznik*2; Lucznik*2; Fabryka Broni Radom; Radom*2",
      "Fabryka Broni Lucnik; Radomm; Lucnik",
      "@@####*25; @@ #####*15; ######*25; @#####*20; @####*15",
      [M(P, "9x19", "Vis; VIS 35; wz. 35; P.35(p); Vis wz.35", 1.5), M(P, "9x18", "P-64; P64; P 64; CZAK", 3),
       M(P, "9x18", "P-83; P83; Wanad; P-83 Wanad", 1.5), M(RI, "556", "Grot; MSBS; MSBS Grot; Grot C16", .6),
       M(RI, "556", "Beryl; wz. 96; Beryl wz. 96", .8), M(SMG, "9x18", "PM-63; RAK; PM-63 RAK; wz. 63", .5),
       M(P, "9x19", "PR-15; Ragun", .4)]),
    F("Manurhin", .4, "Manurhin*6; Manufacture de Machines du Haut-Rhin*2; MR; Manurhin Équipement",
      "Manurin; Manhurin; Manurhine",
      "######*40; @#####*20; ##@#####*10; @@#####*15; #####@*15",
      [M(R, "357mag", "MR 73; MR73; MR-73", 3), M(R, "357mag", "MR 88; MR88", 1),
       M(P, "32acp,380", "PP Manurhin; PPK Manurhin; PPK/S Manurhin", 1.5)]),
    F("MAS", .5,
      "MAS*5; Manufacture d'armes de Saint-Étienne*2; Manufacture d'Armes de St-Etienne; St Etienne",
      "Manufacture d'Armes de St Ettienne; MAS St Etienne Fr",
      "@#####*35; @@#####*25; ######*20; #####*10; F@#####*10",
      [M(RI, "75x54", "MAS 36; MAS-36; Mle 1936; 36", 2), M(RI, "75x54", "MAS 49/56; MAS-49/56; 49/56; Mle 49/56", 1.5),
       M(RI, "556", "FAMAS; FAMAS F1; FA-MAS; F1", 2), M(P, "9x19", "MAS 1950; Mle 1950; MAS 50", 1.5),
       M(SMG, "765long", "MAS 38; MAS-38", .4)]),
    F("MAB", .3, "MAB*5; Manufacture d'Armes de Bayonne*2; Manufacture d'armes automatiques de Bayonne",
      "Manufacture d'Armes de Bayone; MAB Bayonne Fr",
      "######*45; @######*20; #####*20; @#####*15",
      [M(P, "9x19", "PA-15; PA15; P15; PA 15", 2), M(P, "32acp,380", "D; Model D; MAB D", 2),
       M(P, "25acp", "C; Model C", 1), M(P, "9x19", "R Para; R", .5)]),
    F("Verney-Carron", .4, "Verney-Carron*5; Verney Carron*2; VERNEY-CARRON SA; Verney-Carron Saint-Étienne",
      "Verney-Caron; Vernay-Carron; Verny Carron",
      "######*40; @@######*20; #######*20; ##/#####*20",
      [M(RI, "3006,308,300wm,270", "Impact; Impact NT; Impact Auto", 1.5), M(S, "12ga", "Sagittaire; Sagittaire Classic", 1.5),
       M(S, "12ga", "Super 9; Super9", 1), M(S, "12ga", "ARC; Arc", .6), M(O, "44mm", "Flash-Ball; Flashball; Flash Ball", .5),
       M(RI, "308,3006,93x62", "Speedline", .6)]),
    F("Unique MAPF", .3,
      "Unique*5; Manufacture d'Armes des Pyrénées Françaises*2; MAPF; Unique MAPF",
      "Unic; Uniqe; Manufacture d'Armes des Pyrenees",
      "######*50; #####*20; @######*15; @#####*15",
      [M(P, "32acp", "Rr; Rr51; Unique Rr", 1), M(P, "32acp", "Kriegsmodell; Mod. 17; Model 17; Unique 17", 1.2),
       M(P, "22lr", "DES 69; DES69; DES 69U", .8), M(P, "380", "Bcf66; Bcf 66", .5), M(RI, "22lr", "T66; T 66", .5)]),
    F("Hammerli", .2, "Hämmerli*4; Hammerli*3; Haemmerli; Hämmerli AG; Hammerli Lenzburg",
      "Hamerli; Hammerly; Haemerli",
      "######*40; @######*20; @@#####*20; #####*20",
      [M(P, "22lr", "208; 208S; Model 208; 208 S", 2), M(P, "22lr", "280; Model 280", 1), M(P, "22lr", "SP20; SP 20", 1),
       M(P, "9x19", "X-Esse; X Esse; XESSE", .6)]),
    F("J.P. Sauer & Sohn", .5,
      "J.P. Sauer & Sohn*4; Sauer & Sohn*3; J. P. Sauer; Sauer*3; JP Sauer und Sohn; Sauer und Sohn",
      "J.P. Sauer & Son; JP Sawer; Sauer & Sonh",
      "######*30; #####*20; @######*15; @@######*15; S#######*10; ####@*10",
      [M(P, "32acp", "38H; 38 H; Model 38H; 38-H", 2), M(P, "32acp", "1913; M1913; Model 1913", 1),
       M(RI, "3006,308,300wm,270", "202; Sauer 202; S202", 2), M(RI, "3006,308,300wm", "404; Sauer 404", .8),
       M(RI, "308,3006", "101; S101", .8), M(RI, "308,3006,65cm", "100; S100", .8),
       M(O, "16ga", "3000; Drilling 3000; 3000 Drilling", .6)]),
    F("Anschutz", .4, "Anschütz*4; Anschutz*3; J.G. Anschütz; Anschuetz; J. G. Anschütz GmbH",
      "Anshutz; Anschtz; Anschüz",
      "#######*40; ######*30; ########*10; @######*20",
      [M(RI, "22lr", "1416; 1416 D; 1416 D HB; Model 1416", 2), M(RI, "17hmr,22wmr", "1517; 1517 D; Model 1517", 1),
       M(RI, "22lr", "1712; 1712 D", .6), M(RI, "22lr", "1903; Match 1903", 1), M(RI, "22lr", "54.18; 1813; Model 1813", .5),
       M(RI, "22lr", "1907; Model 1907; Anschutz 1907", .6)]),
    F("Merkel", .5,
      "Merkel*6; Suhler Jagd- und Sportwaffen; Gebr. Merkel*2; Merkel Jagd- und Sportwaffen; Merkel Suhl",
      "Merkle; Merkell; Merkel Suhl Germ",
      "######*40; #######*20; @@######*10; #####*20; ######/##*10",
      [M(S, "12ga", "303 E; 303E; Merkel 303E", 1), M(S, "12ga,20ga", "2000 CL; 2000CL", 1),
       M(S, "12ga", "147 E; 147E; Model 147", 1.2), M(RI, "3006,308,300wm,93x62", "RX Helix; Helix; RX-Helix", 1),
       M(RI, "308,3006,7x64", "K1; K-1; K1 Jagdstutzen", .8), M(RI, "308,3006,300wm", "SR1; SR-1", .6),
       M(O, "12ga", "B3; Bock-Büchsflinte", .5), M(O, "16ga", "96K; 96 K", .4)]),
    F("Krieghoff", .2, "Krieghoff*5; H. Krieghoff*2; H. Krieghoff GmbH; Krieghoff International; Heinrich Krieghoff",
      "Kriegshoff; Kriegoff; Krieghof",
      "#####*35; ######*30; @#####*20; #####@*15",
      [M(S, "12ga", "K-80; K80; K 80; K-80 Parcours", 1.5), M(S, "20ga", "K-20; K20", .5), M(RI, "308", "Semprio", .3),
       M(O, "308", "Hubertus", .3), M(P, "9x19", "P08; P.08; Luger P08; Luger", .6)]),
    F("Erma", .3, "Erma*5; Erma-Werke*2; ERMA Werke; Erfurter Maschinenfabrik; Erma Werke GmbH",
      "Ermah; Erma Werk; Erma-Werk",
      "####@*30; ######*30; #####*20; @######*20",
      [M(SMG, "9x19", "MP 40; MP40; MP-40; Schmeisser", 1), M(P, "22lr", "EP 22; EP22; EP-22; LA 22; KGP 69", 1),
       M(P, "32acp,380", "KGP 68; KGP68; KGP 68A", .8), M(R, "357mag", "ER 777; ER777", .5), M(RI, "22lr", "EM1; M1 .22; E M1", .5)]),
    F("DWM", .2,
      "DWM*5; Deutsche Waffen- und Munitionsfabriken*2; Deutsche Waffen und Munitionsfabriken; DWM Berlin",
      "D.W.N.; Deutsche Waffen und Munitionsfabrik",
      "####@*40; ####*20; #####*20; ###@*20",
      [M(P, "9x19", "P08; P.08; Luger; Parabellum; Luger P08; Pistole 08; P 08", 3),
       M(P, "9x19", "LP08; Artillery Luger; P08 Lange", .5), M(P, "765para", "1900; M1900; Luger 1900", .5)]),
    F("Webley & Scott", .4, "Webley*5; Webley & Scott*4; Webley and Scott; Webley & Scott Ltd; W&S",
      "Weblay; Webbley; Webly & Scott",
      "######*40; @####*20; #####*20; ####@*10; @@####*10",
      [M(R, "455", "Mk VI; Mark VI; MK6; Mk 6", 2), M(R, "38sw", "Mk IV; Mark IV; .38 Mk IV; Mk4", 1.5),
       M(P, "32acp", "1905; Model 1905; Webley & Scott 1905", .8), M(S, "12ga", "700; Model 700; Webley 700", .5)]),
    F("BSA", .4, "BSA*5; Birmingham Small Arms*3; B.S.A.; BSA Guns; Birmingham Small Arms Co.",
      "Birmingam Small Arms; Birmingham Small Arm; BSA Gun Co",
      "@####*25; @@####*20; @#####*20; #####@*10; ######*15; ##@####*10",
      [M(RI, "303", "No.1 Mk III; SMLE; SMLE Mk III; No 1 Mk III*; Lee-Enfield; Lee Enfield No. 1", 2),
       M(RI, "303", "No.4 Mk I; No 4 Mk 1; No.4 Mk1; No4 MkI", 1.5), M(RI, "22lr", "Martini; Martini International; BSA Martini", .6),
       M(RI, "308,3006,270", "CF2; CF-2", .4)]),
    F("RSAF Enfield", .4,
      "RSAF Enfield*4; Royal Small Arms Factory*3; Enfield*3; Royal Small Arms Factory Enfield; R.S.A.F.",
      "Royal Small Arm Factory; Enfeild; Enfiled",
      "@####*30; @@####*20; #####*20; @#####*15; @@ #####*15",
      [M(RI, "303", "No.1 Mk III; SMLE; SMLE Mk III*; Lee-Enfield", 2), M(RI, "303", "No.4 Mk I; No 4 Mk 1; No.4 Mk1", 1.5),
       M(R, "38sw", "No.2 Mk I; Enfield No 2; No 2 Mk I*; Enfield Revolver", 1), M(RI, "762x51", "L1A1; SLR; L1A1 SLR", .8),
       M(RI, "556", "L85; L85A1; SA80; L85A2; SA 80", .6)]),
    F("Sterling Armaments", .2, "Sterling Armaments*4; Sterling*4; Sterling Armament Company; Sterling Armaments Co.",
      "Sterlin Armaments; Sterlling",
      "@@ #####*40; ######*30; @@#####*30",
      [M(SMG, "9x19", "L2A3; Sterling L2A3; Mk 4; Sterling Mk4; L2", 2), M(RI, "223", "AR-180; AR180", .5)]),
    F("Lithgow", .2, "Lithgow Small Arms Factory*3; Lithgow*4; Lithgow Arms*2; Thales Lithgow; SAF Lithgow",
      "Lithgo; Lithglow",
      "@####*30; @@####*30; ######*20; @@######*20",
      [M(RI, "303", "SMLE; No.1 Mk III*; Lee-Enfield", 2), M(RI, "762x51", "L1A1; SLR", 1),
       M(RI, "556", "F88; F88 Austeyr; Austeyr; EF88", .6), M(RI, "223,308,22lr", "LA101; Crossover", .5)]),
    F("Rifle Factory Ishapore", .3,
      "Rifle Factory Ishapore*3; RFI*3; Ishapore*3; Ordnance Factory Board; Indian Ordnance Factories",
      "Ishapur; Ichapore; Rifle Factory Ishapur",
      "@####*30; @@####*25; ######*25; @@@####*20",
      [M(RI, "762x51", "1A1; 1A1 SLR; SLR", 1), M(RI, "762x51", "2A1; 2A; Ishapore 2A1", 1.2),
       M(RI, "556", "INSAS; INSAS 1B1", .6), M(R, "32sw", "Revolver .32; IOF .32; .32 revolver", .8)]),
    F("Israel Weapon Industries", .8,
      "Israel Weapon Industries*3; IWI*4; Israel Military Industries*3; IMI*3; TAAS; IWI US",
      "Israeli Weapon Industries; Isreal Military Industries; Israel Weapons Industry",
      "######*25; @@######*15; @######*20; #######*20; @@#####*10; ########*10",
      [M(SMG, "9x19", "Uzi; UZI; Mini Uzi; Micro Uzi; Uzi SMG", 3), M(P, "9x19,40sw", "Jericho 941; Jericho; 941; J941", 2),
       M(RI, "556", "Tavor; TAR-21; Tavor SAR; X95; Tavor X95", 1.5), M(RI, "556,762x51", "Galil; Galil ARM; Galil SAR; Galil AR", 1.5),
       M(O, "556", "Negev; Negev NG7", .2), M(P, "9x19", "Masada", .5), M(RI, "762x39,556", "Galil ACE; ACE 21; ACE", .6)]),
    F("Magnum Research", .3, "Magnum Research*5; Magnum Research Inc.*2; MRI",
      "Magnum Reserch; Magnum Researh; Magnun Research",
      "@@######*40; #######*20; @######*20; @@#####*20",
      [M(P, "50ae,44mag,357mag", "Desert Eagle; Desert Eagle Mark XIX; Mark XIX; DE50; Desert Eagle Mk XIX; DE44", 2),
       M(P, "9x19", "Baby Eagle; Baby Desert Eagle; Baby Eagle II", 1), M(R, "4570,45colt", "BFR; Biggest Finest Revolver", .4),
       M(RI, "22lr", "MLR-22; MLR 22", .3)]),
    F("Daewoo", .3, "Daewoo*5; Daewoo Precision Industries*2; S&T Motiv; S&T Daewoo; SNT Motiv; Daewoo Telecom",
      "Deawoo; Daewo; Dewoo",
      "@######*30; ######*30; @@######*20; #######*20",
      [M(P, "9x19", "DP51; DP-51; K5; Daewoo K5", 2), M(RI, "556", "K2; Daewoo K2; DR200; DR-200", 1),
       M(RI, "556", "K1; K1A; Daewoo K1", .6), M(P, "380", "DP52; DH380", .6), M(SMG, "9x19", "K7", .2)]),
    F("Vektor", .3, "Vektor*4; Denel*3; Denel Land Systems; Lyttelton Engineering Works; LIW; Vektor Arms",
      "Vector; Vektr; Dennel",
      "@######*30; @@######*30; ######*20; @@#####*20",
      [M(P, "9x19", "Z88; Z-88; Vektor Z88", 2), M(P, "9x19", "SP1; SP-1; Vektor SP1", 2),
       M(RI, "556", "R4; R-4; Vektor R4; R5", 1), M(P, "9x19", "CP1; CP-1", .6)]),
    F("IMBEL", .4,
      "IMBEL*5; Indústria de Material Bélico do Brasil*2; Industria de Material Belico do Brasil; Imbel Itajubá; Fabrica de Itajuba",
      "Inbel; Imbell; Imbel Itajuba Brasil",
      "@@######*30; ######*30; @######*20; ##@####*10; LC######*10",
      [M(RI, "556", "MD97; MD-97; MD 97 L", 1.5), M(P, "45acp,9x19", "M911; MD1; M973; GC MD1", 2),
       M(RI, "762x51", "FAL; M964; M964A1; ParaFAL", 1.5), M(RI, "556,762x51", "IA2; IA-2", .8)]),
    F("Hatsan", .8, "Hatsan*5; Hatsan Arms*2; Hatsan Arms Company; Hatsan Silah; Escort*2",
      "Hatsun; Hatzan; Hatsann",
      "##@######*30; ######*25; @######*20; T0036-##-#####*25",
      [M(S, "12ga,20ga", "Escort; Escort PS; Escort Pump; Escort Xtreme", 4), M(S, "12ga", "Optima; Optima 10", 1),
       M(S, "12ga", "MPA; MP-A; MPA Tactical", 1.5), M(S, "12ga", "Supreme; Escort Supreme", 1)]),
    F("Huglu", .4, "Huglu*5; Huglu Hunting Firearms Cooperative*2; Hüğlü*2; Huglu Coop",
      "Hugly; Hugul; Hulgu",
      "##@@#####*40; ######*30; @#####*30",
      [M(S, "12ga,20ga", "600; Huglu 600; 600 Series", 1), M(S, "12ga", "201; Huglu 201", 1),
       M(S, "12ga", "Renova", .6), M(S, "12ga,20ga", "Woodcock", .6)]),
    F("Armsan", .4, "Armsan*5; Armsan Silah*2; Armsan Arms",
      "Armson; Armsann; Arsman",
      "##@@#####*40; T1176-## #####*30; ######*30",
      [M(S, "12ga", "A612; A-612", 1), M(S, "12ga", "Phenoma; Phenoma 12", 1), M(S, "12ga", "RS-X2; RSX2", .6),
       M(S, "12ga", "A620; A-620", .6)]),
    F("Zoraki", 1.0, "Zoraki*6; Atak Arms*3; Atak Arms Ltd.; ATAK; Zoraki Atak",
      "Zoraky; Zorakii; Zorrakki; Atak Armz",
      "##-######*25; ###-#####*25; #######*25; @@######*25",
      [M(O, "9pak,380", "914; Zoraki 914; M914; 914-TD", 3), M(O, "9pak", "925; Zoraki 925", 2),
       M(O, "9pak", "917; Zoraki 917", 1.5), M(O, "9pak", "R1; R-1; Zoraki R1", 1), M(O, "9pak", "2918; Zoraki 2918", 1)]),
    F("Ekol", .8, "Ekol*5; Ekol Voltran*2; Voltran*2; Ekol Silah; Voltran Silah",
      "Ekoll; Eckol; Ekol Voltram",
      "@######*25; ##@#####*25; ########*25; @@######*25",
      [M(O, "9pak", "Firat; Fırat; Firat Compact; Firat Magnum", 2), M(O, "9pak", "Jackal; Jackal Dual; Jackal Magnum", 2),
       M(O, "9pak", "Major; Major Compact", 1.5), M(O, "9pak", "Viper; Viper 2.5", 1), M(O, "9pak", "Aras; Aras Compact", 1)]),
    F("Retay", .6, "Retay*5; Retay Arms*2; Retay Silah",
      "Rettay; Retai; Reytay",
      "@@######*30; ##@#####*30; #######*40",
      [M(O, "9pak", "84FS; Retay 84FS", 2), M(O, "9pak", "Mod 92; Retay 92", 1.5), M(O, "9pak", "PT24; Retay PT24", 1),
       M(S, "12ga", "Masai Mara; Masai; Mara", 1), M(S, "12ga", "Gordion; Gordion Turkey", 1)]),
    F("Bruni", .4, "Bruni*5; Bruni Armi*2; Bruni S.r.l.",
      "Brunni; Broni",
      "######*50; #####*25; @#####*25",
      [M(O, "8mmblank", "Bruni 92; Mini 92; Bruni Mod. 92", 2), M(O, "8mmblank", "Bruni 84; Mod. 84", 1.5),
       M(O, "8mmblank", "GAP; Bruni GAP", 1), M(O, "8mmblank", "Olympic 6; Olympic", 1)]),
    F("Rohm", .5, "Röhm*4; Rohm*3; Roehm; Röhm GmbH; RG Industries*2",
      "Rhom; Röm; Rohm Gmbh Sontheim",
      "######*40; #######*20; @######*20; @@######*20",
      [M(R, "22lr", "RG 10; RG10; RG-10", 2), M(R, "22lr", "RG 14; RG14", 2), M(R, "38spl", "RG 38S; RG38; RG 38", 1.5),
       M(R, "22lr", "RG 88; RG88", .5), M(O, "9pak", "RG 96; RG96", 1)]),
    F("Weihrauch", .3, "Arminius*4; Hermann Weihrauch*2; Weihrauch*3; HW; Weihrauch & Weihrauch",
      "Wehrauch; Weihrauh; Arminus",
      "######*40; @######*20; #######*20; @@#####*20",
      [M(R, "357mag", "HW 357; HW357; Arminius HW357", 1), M(R, "38spl", "HW 38; HW38; HW-38", 1.5),
       M(R, "22lr,32sw", "HW 9; HW9", 1.5), M(R, "38spl,357mag", "Windicator; EAA Windicator", 1)]),
    F("Bernardelli", .3, "Bernardelli*5; Vincenzo Bernardelli*2; V. Bernardelli; Bernardelli S.p.A.",
      "Bernadelli; Bernardeli; Bernardello",
      "######*40; @######*20; #####*20; @@######*20",
      [M(P, "9x19", "P-018; P018; P 018", 1), M(P, "32acp,380,22lr", "60; Model 60; Mod. 60; P60", 2),
       M(P, "25acp", "VB; Vest Pocket; Model 68", 1), M(S, "12ga", "Hemingway; Hemingway Deluxe", .6)]),
    F("Tanfoglio", .5,
      "Tanfoglio*5; Fratelli Tanfoglio*2; F.lli Tanfoglio; Tanfoglio Giuseppe; Tanfoglio S.r.l.",
      "Tanfolio; Tanfoglo; Tanfogglio",
      "@######*25; @@#####*25; ######*25; @@######*25",
      [M(P, "9x19", "TA90; TZ75; T95", 1), M(P, "9x19", "Force; Force 99; Force P", 1.5), M(P, "9x19", "Stock; Stock II; Stock III", 1),
       M(P, "9x19,40sw,45acp,10mm", "Witness; EAA Witness; Witness Elite; Witness P", 2), M(P, "25acp", "GT28; GT 28; Titan", 1),
       M(P, "380", "GT380; GT 380", .6)]),
    F("Pietta", .3, "Pietta*5; F.lli Pietta*2; Fratelli Pietta; F. LLI PIETTA",
      "Pieta; Piettta; Pietta Fratelli Br",
      "######*30; @######*20; @@#####*30; #####@*20",
      [M(R, "45colt,357mag", "1873; 1873 Single Action; SAA 1873; Great Western II", 1.5),
       M(R, "44perc", "1858; 1858 New Army; 1858 Remington", 1.5), M(R, "36perc", "1851 Navy; 1851; Navy 1851", 1)]),
    F("Uberti", .3, "Uberti*5; A. Uberti*2; Aldo Uberti; A. Uberti S.r.l.; Uberti USA",
      "Ubertti; Uberty; Ubberti",
      "######*40; @#####*25; @@#####*20; #####@*15",
      [M(R, "45colt,357mag", "1873 Cattleman; Cattleman; Cattleman 1873; SAA", 2),
       M(RI, "45colt,357mag,4440", "1873 Rifle; 1873 Carbine; 1873 Sporting", 1), M(RI, "4440,45colt", "1866; Yellowboy; 1866 Yellowboy", .8),
       M(R, "44perc", "1858 New Army; 1858", .6), M(R, "45colt", "Schofield; 1875 No. 3 Top Break", .5)]),
    F("Sako", .5, "Sako*6; Sako Ltd*2; Sako Oy; SAKO Riihimäki",
      "Saco; Sakko; Sako Riihimaki Fi",
      "######*45; @######*20; #######*20; @@#####*15",
      [M(RI, "308,3006,270,65cm,300wm", "85; Sako 85; 85 Hunter; 85 Finnlight", 2),
       M(RI, "308,3006,270,300wm", "75; Sako 75; 75 Hunter; 75 Varmint", 2), M(RI, "308,300wm", "TRG; TRG-22; TRG-42; TRG 22", .8),
       M(RI, "3006,270", "L61R; Finnbear; L61R Finnbear", 1), M(RI, "22lr,17hmr", "Quad; Quad 22", .5),
       M(RI, "762x54r", "M39; M/39; Mosin M39", .5)]),
    F("Tikka", .5, "Tikka*6; Tikkakoski*2; Tikka (Sako)",
      "Tika; Tikkka; Tikka Sakko",
      "######*40; @######*20; #######*25; @@######*15",
      [M(RI, "308,3006,270,65cm,243,300wm", "T3; T3 Lite; T3x; T3X; T3 Hunter", 3), M(RI, "308,243,223", "595; M595", .6),
       M(RI, "308,3006,270", "M65; M 65; Model 65", .8), M(RI, "22lr", "T1x; T1X", .6), M(O, "12ga", "512S; 512 S; Tikka 512", .5)]),
    F("Valmet", .3, "Valmet*6; Valmet Oy*2; Valmet Jyväskylä",
      "Walmet; Valment; Valmett",
      "######*50; #######*20; @######*15; @@#####*15",
      [M(RI, "762x39", "RK 62; RK62; Rk 62; M62; M62/76", 1.5), M(RI, "556,762x39", "M76; M76 W; Valmet M76", .8),
       M(RI, "308,3006", "Hunter; Valmet Hunter", .6), M(S, "12ga", "412; 412 S; Valmet 412", 1)]),
    F("Husqvarna", .3, "Husqvarna*6; Husqvarna Vapenfabrik*2; Husqvarna Vapenfabriks AB; HVA",
      "Husquarna; Husqvana; Huskvarna",
      "######*50; #####*25; @#####*15; @@####*10",
      [M(P, "9x20sr,9x19", "M/40; M40; Husqvarna M40; Lahti", 1), M(RI, "3006,308,270", "1640; Model 1640; HVA 1640", 1),
       M(RI, "65x55", "m/96; M96; Swedish Mauser; m/38", 1), M(P, "9x20sr", "1907; m/07; M1907", .6)]),
    F("Carl Gustaf", .2,
      "Carl Gustafs Stads Gevärsfaktori*2; Carl Gustaf*4; Carl Gustafs; C.G.; Carl Gustav*2",
      "Karl Gustaf; Carl Gustafsson; Carl Gustav Stads",
      "######*40; #####*30; @#####*15; @@####*15",
      [M(SMG, "9x19", "m/45; M45; Kulsprutepistol m/45; Swedish K; Carl Gustaf m/45", 1),
       M(RI, "65x55", "m/96; M96; Swedish Mauser", 1.5), M(RI, "65x55", "m/38; M38", .6), M(RI, "308", "CG 63; CG63", .3)]),
    F("Ithaca", .4, "Ithaca*6; Ithaca Gun Company*2; Ithaca Gun Co.; Ithaca Gun",
      "Ithica; Itaca; Ithacca",
      "#########*20; ######*25; @######*20; ###-######*10; ##-#####*10; #######*15",
      [M(S, "12ga,16ga,20ga", "37; Model 37; M37; 37 Featherlight; Deerslayer", 4), M(P, "45acp", "M1911A1; 1911A1", .8),
       M(RI, "22lr", "49; Model 49; Saddlegun", .8), M(S, "10ga", "Mag-10; Mag 10", .3)]),
    F("Harrington & Richardson", .8,
      "Harrington & Richardson*4; H&R*4; H&R 1871*2; Harrington and Richardson; H & R; HARRINGTON & RICHARDSON ARMS",
      "Harington & Richardson; Harrington & Richarson; Harrington Richardsen",
      "@@######*40; @######*20; ######*20; @@#####*20",
      [M(S, "12ga,20ga,410", "Pardner; Pardner Pump; Pardner SB1", 2), M(S, "12ga,20ga,410", "Topper; Topper Deluxe; Model 158; Topper 158", 3),
       M(R, "22lr", "929; Sidekick; 929 Sidekick", 1.5), M(R, "22lr", "999; Sportsman; 999 Sportsman", 1),
       M(R, "32sw", "732; Model 732", 1), M(RI, "223,243,3030,308,4570", "Handi-Rifle; Handi Rifle; SB2", 1),
       M(RI, "3006", "M1; M1 Garand", .3), M(SMG, "45acp", "Reising; M50 Reising; Model 50", .2)]),
    F("New England Firearms", .5, "New England Firearms*5; NEF*3; N.E.F.; New England Firearms Co.",
      "New England Firarms; New Englang Firearms",
      "@@######*40; @######*30; ######*30",
      [M(S, "12ga,20ga", "Pardner; Pardner SB1", 2), M(RI, "223,243,3030", "Handi-Rifle; Handi Rifle", 1),
       M(RI, "22lr", "Sportster", .5), M(R, "22lr", "R92; Model R92", .8)]),
    F("Stevens", .6, "Stevens*6; J. Stevens Arms*2; J. Stevens Arms & Tool Co.; Stevens Arms",
      "Stephens; Stevans; Stevins",
      "@######*30; ######*30; @@######*20; @#####*20",
      [M(S, "12ga,20ga,16ga,410", "311; Model 311; 311A; 311R", 2.5), M(S, "12ga", "320; Model 320", 2),
       M(S, "12ga", "555", .5), M(S, "12ga,20ga,410", "94; 94C; Model 94", 1.5), M(RI, "22lr", "Favorite; Model 30; 1915 Favorite", .6),
       M(RI, "308,3006,270", "200; Model 200", .8)]),
    F("Henry Repeating Arms", .5, "Henry Repeating Arms*4; Henry*5; Henry Repeating Arms Co.; Henry RAC",
      "Henrey; Henry Repeting Arms; Hennry",
      "######H*30; #####H*15; GB######*15; BB######*15; US#####*25",
      [M(RI, "22lr", "H001; Classic Lever; Henry Lever Action .22; Classic", 3, "######H*60; #####H*40"),
       M(RI, "22lr,22wmr", "Golden Boy; H004; Golden Boy .22", 2, "GB######*70; GB#####*30"),
       M(RI, "44mag,357mag,45colt", "Big Boy; H006; Big Boy Steel", 1, "BB######*70; BB#####*30"),
       M(RI, "3030", "Side Gate; H024", .5), M(RI, "22lr", "AR-7; US Survival; H002; Survival Rifle", 1, "US#####*70; US######*30"),
       M(RI, "22lr", "Mini Bolt; H005", .5), M(RI, "3030,4570", "X Model; H009X", .4)]),
    F("Thompson/Center", .4, "Thompson/Center*4; Thompson Center*3; T/C Arms; Thompson/Center Arms; TC Arms",
      "Thomson Center; Thompson Centre; Thompson/Centre",
      "######*30; @######*20; @@#####*20; K######*30",
      [M(P, "22lr,223,3030,4570,44mag", "Contender; G2 Contender; Contender G2; TC Contender", 2),
       M(RI, "308,3006,270,243", "Encore; Encore Pro Hunter", 1.5), M(RI, "308,3006,65cm,223", "Compass; Compass II", 1),
       M(RI, "308,3006,270", "Venture", .6)]),
    F("Auto-Ordnance", .2, "Auto-Ordnance*5; Auto Ordnance*3; Auto-Ordnance Corp.; Kahr Auto-Ordnance; AOC",
      "Auto-Ordinance; Auto Ordinance; Auto-Ordnace",
      "@@@#####*25; @#####*25; #####@@*20; KP#####*30",
      [M(SMG, "45acp", "M1A1; Thompson M1A1; Thompson; Tommy Gun", .8), M(RI, "45acp", "1927A1; 1927 A-1; Thompson 1927A1; Model 1927", 1),
       M(RI, "30carbine", "M1 Carbine; AOM110; M1 Carb", 1), M(P, "45acp", "1911A1; 1911 A1; 1911PKZSE; 1911", 1.2)]),
    F("Military Armament Corporation", .3,
      "Military Armament Corporation*3; MAC*4; M.A.C.; Military Armament Corp.",
      "Military Armaments Corporation; Militery Armament Corp",
      "@#####*30; @@#####*20; #####*20; ##-#####*15; @-######*15",
      [M(SMG, "45acp,9x19", "M10; MAC-10; MAC 10; M-10; M10A1", 2), M(SMG, "380,9x19", "M11; MAC-11; MAC 11; M11/9; M-11/9", 1.5)]),
    F("Intratec", .4, "Intratec*5; Intratec USA*2; Interdynamic*2; Interdynamic of America",
      "Intertec; Intratech; Intra-tec",
      "######*40; @@######*20; #######*20; @######*20",
      [M(P, "9x19", "TEC-9; TEC 9; TEC9; KG-9; AB-10", 3), M(P, "22lr", "TEC-22; TEC 22; Scorpion 22", 1.5),
       M(P, "9x19", "TEC-DC9; DC9; TEC DC9", 2), M(P, "9x19", "CAT-9; CAT 9", .5)]),
    F("Lorcin", .5, "Lorcin*5; Lorcin Engineering*2; Lorcin Engineering Co.",
      "Lorcine; Lorsin; Lorcin Eng",
      "######*50; @######*20; @@#####*15; @#####*15",
      [M(P, "25acp", "L25; L-25; LT25", 2), M(P, "380", "L380; L-380", 2), M(P, "22lr", "L22; L-22", 1), M(P, "9x19", "L9mm; L9; L-9", 1)]),
    F("Bryco Arms", .6, "Bryco Arms*4; Bryco*3; Jennings Firearms*2; Jennings*3; B.L. Jennings",
      "Brico Arms; Bryco Arm; Jenings",
      "######*40; #######*25; @######*15; @@######*20",
      [M(P, "22lr", "J-22; J22; Jennings J-22; J 22", 2.5), M(P, "380,32acp,22lr", "38; Model 38; M38; Bryco 38", 2),
       M(P, "380", "48; Model 48; M48", 1), M(P, "9x19", "59; Model 59; Jennings Nine; Nine", 1.2), M(P, "25acp", "J-25; J25", 1)]),
    F("Raven Arms", .4, "Raven Arms*5; Raven*4; Raven Arms Inc.",
      "Ravan Arms; Raven Arm",
      "######*60; #######*20; @#####*20",
      [M(P, "25acp", "MP-25; MP25; MP 25; P-25", 3)]),
    F("Phoenix Arms", .3, "Phoenix Arms*5; Phoenix*3; Phoenix Arms Co.",
      "Pheonix Arms; Phenix Arms",
      "#######*40; @######*30; ######*30",
      [M(P, "22lr", "HP22; HP-22; HP22A", 2), M(P, "25acp", "HP25; HP-25; HP25A", 1.5), M(P, "25acp", "Raven", .5)]),
    F("Diamondback Firearms", .3, "Diamondback Firearms*4; Diamondback*4; Diamondback Arms",
      "Diamond Back; Diamonback",
      "@@####*30; @@@####*30; @@#####*20; @####*20",
      [M(P, "380", "DB380; DB 380; DB-380", 2), M(P, "9x19", "DB9; DB 9", 1.5), M(RI, "556", "DB15; DB-15", 1)]),
    F("Kahr Arms", .4, "Kahr Arms*5; Kahr*4; Kahr Firearms Group",
      "Karh Arms; Khar Arms; Kahrr",
      "@@####*40; @@@####*30; @@#####*30",
      [M(P, "9x19", "CW9; CW 9", 2), M(P, "9x19", "PM9; PM 9", 1.5), M(P, "9x19", "CM9", 1), M(P, "380", "P380; P 380", 1),
       M(P, "9x19", "K9; K 9", .6), M(P, "45acp", "CW45; CW 45", .5)]),
    F("Seecamp", .1, "L.W. Seecamp*3; Seecamp*5; LW Seecamp Co.",
      "Seacamp; Seecampf",
      "######*50; #####*30; @####*20",
      [M(P, "32acp", "LWS 32; LWS-32; LWS32", 2), M(P, "380", "LWS 380; LWS-380", 1), M(P, "25acp", "LWS 25; LWS-25", .5)]),
    F("North American Arms", .4, "North American Arms*5; NAA*4; N.A.A.; North American Arms Inc.",
      "North American Armes; Nort American Arms",
      "@#####*40; @@#####*30; ######*30",
      [M(R, "22lr,22wmr", "Mini; Mini Revolver; NAA-22LR; 22LR Mini; Mini-Master", 3), M(R, "22wmr", "Pug; NAA Pug; 22M Pug", 1),
       M(P, "380,32acp", "Guardian; Guardian 380; Guardian 32", 1)]),
    F("Chiappa", .3, "Chiappa*5; Chiappa Firearms*2; Armi Sport; Chiappa Armi Sport",
      "Chiapa; Chiappa Firearm; Chiappa Fireams",
      "##@#####*30; @@#####*30; @######*20; ######*20",
      [M(R, "357mag", "Rhino; Rhino 40DS; Rhino 60DS; Rhino 200DS", 1.5), M(RI, "357mag,44mag,45colt", "1892; 1892 Lever; 1892 Mare's Leg", 1),
       M(RI, "22lr", "M1-22; M1 22", .6), M(RI, "22lr,22wmr", "Little Badger; Badger", .6)]),
    F("Grand Power", .3, "Grand Power*6; Grand Power s.r.o.*2; GP",
      "Grandpower; Grand Powr; Grand Paower",
      "@######*40; @@######*30; @@@#####*15; ######*15",
      [M(P, "9x19", "K100; K-100; K100 Target; K100 Mk12", 2), M(P, "9x19", "P1; P1 Mk7; P-1", 1), M(P, "45acp", "P45; P-45", .4),
       M(SMG, "9x19", "Stribog; SP9A1; SR9A1; Stribog SP9A3", .8), M(P, "9x19", "X-Calibur; X Calibur", .3)]),
    F("Arcus", .2, "Arcus*6; Arcus Co.*2; Arcus JSC",
      "Arkus; Arcuss",
      "######*40; @@#####*30; @######*30",
      [M(P, "9x19", "94; Arcus 94; 94C; Arcus-94", 2), M(P, "9x19", "98DA; 98 DA; Arcus 98DAC; 98", 1.5)]),
    F("Tisas", .6, "Tisas*5; Tisaş*2; Trabzon Silah Sanayi*2; TİSAŞ",
      "Tisash; Tissas; Tisas Trabson",
      "T0620-## @ #####*30; T0620-##@#####*20; @@######*20; ######*15; @@@#####*15",
      [M(P, "9x19", "Zigana; Zigana F; Zigana K; Zigana C45; Zigana T", 2), M(P, "380", "Fatih 13; Fatih; Fatih-13", 1),
       M(P, "45acp", "1911 A1; 1911A1 US Army; 1911 Tanker; ZZ1911", 1.5), M(P, "9x19", "Kanuni; Kanuni 16; Kanuni S", 1),
       M(P, "9x19", "PX-9; PX9; PX-9 Gen3", 1)]),
    F("Akdal", .3, "Akdal*5; Akdal Arms*2; Akdal Silah",
      "Akdall; Akdel; Akdahl",
      "@@#####*30; ##@#####*30; ######*40",
      [M(P, "9x19", "Ghost; Ghost TR01; TR01; Ghost TR-01", 1.5), M(S, "12ga", "MKA 1919; MKA1919; MKA-1919; MKA 1919 Match", 1.5)]),
    F("Fabbrica d'Armi Terni", .3,
      "Fabbrica d'Armi Terni*3; Terni*4; Regia Fabbrica d'Armi Terni; FAT Terni",
      "Terny; Fabbrica Armi di Terni",
      "@####*40; @@####*40; ####*20",
      [M(RI, "65x52", "Carcano; M91; M91/38; Mod. 91; Carcano M91/41; M38", 2)]),
    F("Century Arms", .5,
      "Century Arms*4; Century International Arms*2; Century Arms International; CAI; Century Intl Arms",
      "Centurey Arms; Century Armes; Centry Arms",
      "@@######*30; @@@######*20; ######*20; R######*15; @@-######*15",
      [M(RI, "762x39", "VSKA; VSKA Tactical", 1.5), M(RI, "762x39", "C39V2; C39 V2; C39", 1),
       M(RI, "762x39", "RAS47; RAS 47; RAS-47", 1), M(RI, "308", "C308; C-308; Centurion 308", .6)]),
    F("DPMS", .4, "DPMS*5; DPMS Panther Arms*3; Defense Procurement Manufacturing Services; Panther Arms",
      "DPMS Panter Arms; Panther Armes",
      "F######*40; @@######*30; @@@#####*30",
      [M(RI, "556,223", "Panther; A-15; Panther A-15; Oracle; Sportical", 2), M(RI, "308", "LR-308; LR308; Panther LR-308", 1)]),
    F("Bushmaster", .5, "Bushmaster*6; Bushmaster Firearms*2; Bushmaster Firearms International; Bushmaster Firearms Inc.",
      "Bushmastor; Bushmater; Bushmaser",
      "@@######*40; @######*30; @@@#####*30",
      [M(RI, "556,223", "XM-15; XM15; XM15-E2S; XM-15 E2S", 2), M(RI, "556", "ACR; Masada ACR", .4),
       M(RI, "556", "Carbon 15; C15; Carbon-15", .6)]),
    F("Daniel Defense", .3, "Daniel Defense*6; Daniel Defense Inc.; DD",
      "Daniels Defense; Daniel Defence; Danial Defense",
      "DDM######*50; ######*25; @@@######*25",
      [M(RI, "556", "DDM4; DDM4 V7; M4A1; DDM4V7", 2), M(RI, "308", "DD5; DD5 V3", .5)]),
    F("Palmetto State Armory", .4, "Palmetto State Armory*5; PSA*3; Palmetto State",
      "Palmeto State Armory; Palmetto St Armory",
      "@@######*40; @@@######*30; @#######*30",
      [M(RI, "556", "PA-15; PA15; PSA AR-15", 2), M(RI, "762x39", "PSAK-47; PSAK47; AK-47 GF3; PSAK", 1.5),
       M(P, "9x19", "Dagger; PSA Dagger", 1)]),
]

# Reporting / checking countries (ISO 3166-1 alpha-3) with rough weights.
COUNTRIES = (
    "USA*8 DEU*6 FRA*6 ITA*5 ESP*5 GBR*5 BRA*5 MEX*5 COL*4 ARG*3 ZAF*4 RUS*3 UKR*4 TUR*4 POL*3 CZE*2 "
    "AUT*2 BEL*3 NLD*3 SWE*2 FIN*1 NOR*1 DNK*1 CHE*2 GRC*2 BGR*2 ROU*2 SRB*3 HRV*2 BIH*3 ALB*2 MKD*1 "
    "MNE*1 HUN*2 SVK*1 SVN*1 PRT*2 IRL*1 CAN*3 AUS*3 NZL*1 PHL*3 THA*2 MYS*1 IDN*2 IND*2 PAK*1 KEN*2 "
    "NGA*2 GHA*1 CMR*1 SEN*1 CIV*1 MLI*1 NER*1 TCD*1 SDN*1 LBY*1 EGY*1 TUN*1 MAR*1 DZA*1 JOR*1 LBN*1 "
    "IRQ*1 CHL*1 PER*2 ECU*2 VEN*2 BOL*1 PRY*1 URY*1 GTM*2 HND*2 SLV*2 NIC*1 CRI*1 PAN*1 DOM*1 JAM*1 "
    "TTO*1 HTI*1 GEO*1 ARM*1 AZE*1 KAZ*1 MDA*1 BLR*1 LTU*1 LVA*1 EST*1"
)


# --------------------------------------------------------------------------------------
# Parsing of the tables above
# --------------------------------------------------------------------------------------
def _wlist(spec):
    """'a*3; b; c*0.5' -> [(a, 3.0), (b, 1.0), (c, 0.5)]"""
    out = []
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            continue
        if "*" in part and re.match(r"^[0-9.]+$", part.rsplit("*", 1)[1].strip()):
            a, w = part.rsplit("*", 1)
            out.append((a.rstrip(), float(w)))
        else:
            out.append((part, 1.0))
    return out


def strip_dia(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm_name(s):
    """Lower-case alphanumerics only, diacritics dropped (for comparing make/model/calibre spellings)."""
    s = s.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in strip_dia(s).lower() if c.isalnum())


def _prepare():
    for fi, fam in enumerate(FAMILIES):
        fam["id"] = fi
        names = []
        for n, w in _wlist(fam["names"]):
            ro = n.startswith("!")
            names.append((n.lstrip("!"), w, ro))
        fam["names"] = names
        fam["missp"] = [m for m, _ in _wlist(fam["missp"])]
        fam["fmts"] = _wlist(fam["fmts"])
        for m in fam["models"]:
            if m["fmt"]:
                m["fmt"] = _wlist(m["fmt"])
            for c in m["cals"]:
                assert c in CAL, (fam["name"], c)
    name2fam = {}
    for fam in FAMILIES:
        for n, _, _ in fam["names"]:
            k = norm_name(n)
            assert name2fam.get(k, fam["id"]) == fam["id"], ("name clash", n)
            name2fam[k] = fam["id"]
    for fam in FAMILIES:
        for n in fam["missp"]:
            k = norm_name(n)
            assert name2fam.get(k, fam["id"]) == fam["id"], ("misspelling clash", n)
            name2fam[k] = fam["id"]
    return name2fam


NAME2FAM = _prepare()
COUNTRY_W = [(c.split("*")[0], float(c.split("*")[1])) for c in COUNTRIES.split()]

# --------------------------------------------------------------------------------------
# Scripts, keys and distances
# --------------------------------------------------------------------------------------
SEPS = frozenset(" -./_,\\")
DIGITS = "0123456789"
LATIN = "ABCDEFGHJKLMNPRSTUVWXYZ"          # what makers use in serials (no I, O, Q)
CYR_POOL = "АВЕКМНРСТУХ" * 2 + "БГДЖИЛПФЦЧШЭЮЯ"
CYR_LOOK = {"А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
            "С": "C", "Т": "T", "У": "Y", "Х": "X"}
GRK_LOOK = {"Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
            "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X"}
FOLD = dict(CYR_LOOK)
FOLD.update(GRK_LOOK)
LAT2CYR = {v: k for k, v in CYR_LOOK.items()}
LAT2GRK = {v: k for k, v in GRK_LOOK.items()}

BGN = {"А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ж": "ZH", "З": "Z", "И": "I",
       "Й": "Y", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O", "П": "P", "Р": "R", "С": "S",
       "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS", "Ч": "CH", "Ш": "SH", "Щ": "SHCH",
       "Ы": "Y", "Э": "E", "Ю": "YU", "Я": "YA"}
ISO9 = dict(BGN, **{"Ж": "Ž", "Й": "J", "Х": "H", "Ц": "C", "Ч": "Č", "Ш": "Š", "Щ": "Ŝ",
                    "Э": "È", "Ю": "Û", "Я": "Â"})
ISO9A = {k: strip_dia(v) for k, v in ISO9.items()}
GOST = dict(BGN, **{"Й": "J", "Х": "X", "Ц": "CZ", "Щ": "SHH", "Ю": "YU", "Я": "YA"})
GERMAN = dict(BGN, **{"В": "W", "Ж": "SH", "З": "S", "Х": "CH", "Ц": "Z", "Ч": "TSCH", "Ш": "SCH",
                      "Щ": "SCHTSCH", "Ю": "JU", "Я": "JA", "Й": "J"})
TRANSLIT = [(BGN, 40), (ISO9, 15), (ISO9A, 20), (GOST, 15), (GERMAN, 10)]

SKEL_MAP = {"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2",
            "G": "6", "V": "U"}
OCR = {"O": "0QD", "0": "ODQ", "Q": "O0", "D": "0O", "I": "1L", "1": "IL", "L": "1I", "S": "5",
       "5": "S", "B": "8", "8": "B", "Z": "2", "2": "Z", "G": "6", "6": "G", "U": "V", "V": "U"}
RARE = {"A": "4", "4": "A9", "T": "7", "7": "1T", "1": "7", "3": "8", "8": "3", "E": "F", "F": "E",
        "C": "G", "G": "C", "M": "N", "N": "MH", "K": "X", "X": "K", "9": "4", "5": "6", "6": "5",
        "P": "R", "R": "P", "H": "N", "Y": "V"}


def is_cyr(ch):
    return "\u0400" <= ch <= "\u04ff"


def canon(s):
    """Serial key: upper case, separators dropped, Cyrillic/Greek look-alikes folded to Latin."""
    return "".join(FOLD.get(c, c) for c in s.upper() if c not in SEPS)


def skel(c):
    """Confusable skeleton of a canonical key (OCR classes merged, leading zeros dropped)."""
    out = []
    for ch in c:
        t = BGN.get(ch)
        if t is None:
            t = ch if ch.isascii() else strip_dia(ch)
        for x in t:
            out.append(SKEL_MAP.get(x, x))
    r = "".join(out).lstrip("0")
    return r or "0"


def ncic(c):
    """NCIC-style key: O read as zero, letters between the first and last digit ignored."""
    c = c.replace("O", "0")
    idx = [i for i, ch in enumerate(c) if ch.isdigit()]
    if not idx:
        return c
    i, j = idx[0], idx[-1]
    return c[:i] + "".join(ch for ch in c[i:j + 1] if ch.isdigit()) + c[j + 1:]


def translits(s):
    """All distinct canonical transliterations of a serial holding Cyrillic."""
    out = []
    for table, _ in TRANSLIT:
        t = canon("".join(table.get(ch, ch) for ch in s.upper()))
        if t not in out:
            out.append(t)
    return out


def osa(a, b):
    """Optimal string alignment distance (adjacent transposition = 1 edit)."""
    la, lb = len(a), len(b)
    prev2 = None
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        ai = a[i - 1]
        for j in range(1, lb + 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai != b[j - 1]))
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        prev2, prev = prev, cur
    return prev[lb]


def near1(s, keys, alpha):
    """True if some key is within one edit (sub/ins/del/adjacent transposition) of s.
    Exact: enumerates s's whole 1-edit neighbourhood over the family's alphabet."""
    if s in keys:
        return True
    n = len(s)
    for i in range(n):
        if s[:i] + s[i + 1:] in keys:
            return True
    for i in range(n - 1):
        if s[i] != s[i + 1] and s[:i] + s[i + 1] + s[i] + s[i + 2:] in keys:
            return True
    for i in range(n):
        pre, post, c = s[:i], s[i + 1:], s[i]
        for a in alpha:
            if a != c and pre + a + post in keys:
                return True
    for i in range(n + 1):
        pre, post = s[:i], s[i:]
        for a in alpha:
            if pre + a + post in keys:
                return True
    return False


def shape(c):
    return "".join("D" if ch.isdigit() else "L" if ch.isalpha() else ch for ch in c)


def pattern_rx(p):
    return re.compile("".join("." if ch == "?" else ".*" if ch == "*" else re.escape(ch) for ch in p))


# --------------------------------------------------------------------------------------
# Random helpers
# --------------------------------------------------------------------------------------
def wchoice(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def case_style(rng, s, p_upper, p_lower=0.0):
    r = rng.random()
    if r < p_upper:
        return s.upper()
    if r < p_upper + p_lower:
        return s.lower()
    return s


YEARS2 = list(range(1965, 2024))


def gen_serial(fmt, rng):
    out = []
    for ch in fmt:
        if ch == "#":
            out.append(rng.choice(DIGITS))
        elif ch == "@":
            out.append(rng.choice(LATIN))
        elif ch == "%":
            out.append(rng.choice(CYR_POOL))
        elif ch == "^":
            out.append("%02d" % (rng.choice(YEARS2) % 100))
        elif ch == "~":
            out.append(str(rng.randint(1950, 2023)))
        else:
            out.append(ch)
    s = "".join(out)
    if s.isdigit() and rng.random() < 0.04:
        s = "0" * rng.choice((1, 1, 2)) + s          # zero-padded register entry
    return s


class Rec:
    __slots__ = ("fam", "model", "make", "model_s", "serial", "cal", "cal_s", "type", "country",
                 "status", "date", "rid", "key")


class World:
    """Everything generated, plus the indexes used to check labels."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.fam_pop = [f["pop"] for f in FAMILIES]
        self.country_codes = [c for c, _ in COUNTRY_W]
        self.country_w = [w for _, w in COUNTRY_W]

    # ---------------------------------------------------------------- register fields
    def pick_family(self, exclude=None):
        while True:
            f = wchoice(self.rng, FAMILIES, self.fam_pop)
            if f["id"] != exclude:
                return f

    def pick_model(self, fam):
        ms = fam["models"]
        return wchoice(self.rng, range(len(ms)), [m["w"] for m in ms])

    def make_string(self, fam, allow_ro=True, allow_missp=True):
        rng = self.rng
        if allow_missp and fam["missp"] and rng.random() < 0.012:
            s = rng.choice(fam["missp"])
        else:
            cand = [(n, w) for n, w, ro in fam["names"] if allow_ro or not ro]
            s = wchoice(rng, [n for n, _ in cand], [w for _, w in cand])
        return case_style(rng, s, 0.35, 0.05)

    def model_string(self, model, p_empty=0.08):
        rng = self.rng
        if rng.random() < p_empty:
            return ""
        forms = model["forms"]
        w = [3.0, 2.0] + [1.0] * (len(forms) - 2)
        return case_style(rng, wchoice(rng, forms, w[:len(forms)]), 0.2)

    def calibre(self, model):
        cals = model["cals"]
        return wchoice(self.rng, cals, [3.0] + [1.0] * (len(cals) - 1))

    def calibre_string(self, key, p_empty=0.10):
        rng = self.rng
        if rng.random() < p_empty:
            return ""
        forms = CAL[key]
        return case_style(rng, wchoice(rng, forms, [3.0] + [1.0] * (len(forms) - 1)), 0.15)

    def serial_for(self, fam, model):
        fmts = model["fmt"] or fam["fmts"]
        return gen_serial(wchoice(self.rng, [f for f, _ in fmts], [w for _, w in fmts]), self.rng)

    def country(self, avoid=None):
        while True:
            c = wchoice(self.rng, self.country_codes, self.country_w)
            if c != avoid:
                return c

    def date(self):
        rng = self.rng
        y = wchoice(rng, range(2005, 2025), [1 + 0.25 * i for i in range(20)])
        import datetime
        d0 = datetime.date(y, 1, 1).toordinal()
        return d0 + rng.randrange(365)

    def status(self):
        return wchoice(self.rng, ("stolen", "lost", "trafficked", "smuggled"), (55, 25, 12, 8))

    # ---------------------------------------------------------------- register
    def new_rec(self, fam, mi, serial, country=None, date=None, status=None, model_s=None, cal=None,
                cal_s=None):
        model = fam["models"][mi]
        r = Rec()
        r.fam = fam["id"]
        r.model = mi
        r.make = self.make_string(fam)
        r.model_s = self.model_string(model) if model_s is None else model_s
        r.serial = serial
        r.cal = self.calibre(model) if cal is None else cal
        r.cal_s = self.calibre_string(r.cal) if cal_s is None else cal_s
        r.type = model["type"]
        r.country = country or self.country()
        r.date = date if date is not None else self.date()
        r.status = status or self.status()
        r.rid = ""
        r.key = canon(serial)
        return r

    def batch_serials(self, base, k):
        rng = self.rng
        runs = list(re.finditer(r"\d+", base))
        if not runs:
            return None
        last = runs[-1]
        run = last.group()
        L = len(run)
        if L < 3:
            return None
        v = min(wchoice(rng, (1, 2, 3), (30, 45, 25)), L)
        while 10 ** v < 2 * k and v < min(3, L):
            v += 1
        k = min(k, 10 ** v // 2)
        if k < 2:
            return None
        gaps = [rng.choice((1, 1, 1, 1, 2, 2, 3, 5, 8)) for _ in range(k - 1)]
        if sum(gaps) >= 10 ** v:
            gaps = [1] * (k - 1)
        start = rng.randrange(0, 10 ** v - sum(gaps))
        vals = [start]
        for g in gaps:
            vals.append(vals[-1] + g)
        pre, post = base[:last.start()] + run[:L - v], base[last.end():]
        return [pre + str(x).zfill(v) + post for x in vals]

    def reformat_same_key(self, s):
        """Another way of writing the same serial (same key): separators/case."""
        rng = self.rng
        if any(c in SEPS for c in s) and rng.random() < 0.6:
            return "".join(c for c in s if c not in SEPS)
        m = re.search(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])", s)
        if m:
            return s[:m.start()] + rng.choice((" ", "-")) + s[m.start():]
        if len(s) > 5:
            i = rng.randrange(2, len(s) - 2)
            return s[:i] + rng.choice((" ", "-", "/")) + s[i:]
        return s

    def build_register(self, n):
        rng = self.rng
        recs = []
        while len(recs) < n:
            r = rng.random()
            if r < 0.03 and len(recs) > 200:
                # the same firearm reported again (another country, date, spelling)
                o = recs[rng.randrange(len(recs))]
                fam = FAMILIES[o.fam]
                model = fam["models"][o.model]
                serial = o.serial if rng.random() < 0.7 else self.reformat_same_key(o.serial)
                model_s = o.model_s if rng.random() < 0.5 else self.model_string(model, 0.1)
                cal_s = o.cal_s if rng.random() < 0.5 else self.calibre_string(o.cal, 0.1)
                d = self.new_rec(fam, o.model, serial,
                                 country=o.country if rng.random() < 0.2 else self.country(o.country),
                                 model_s=model_s, cal=o.cal, cal_s=cal_s,
                                 status=wchoice(rng, ("stolen", "lost", "trafficked", "smuggled"),
                                                (30, 10, 35, 25)))
                for _ in range(4):
                    if norm_name(d.make) != norm_name(o.make):
                        break
                    d.make = self.make_string(fam)
                recs.append(d)
            elif r < 0.09:
                # a production run / stolen consignment: serials differ in the last digits
                fam = self.pick_family()
                mi = self.pick_model(fam)
                k = min(40, 2 + int(rng.expovariate(1 / 5.0)))
                serials = self.batch_serials(self.serial_for(fam, fam["models"][mi]), k)
                if not serials:
                    continue
                country, date, status = self.country(), self.date(), self.status()
                first = self.new_rec(fam, mi, serials[0], country=country, date=date, status=status)
                recs.append(first)
                for s in serials[1:]:
                    same = rng.random() < 0.85
                    recs.append(self.new_rec(
                        fam, mi, s, country=country if same else None,
                        date=date + (0 if rng.random() < 0.6 else rng.randrange(-30, 31)),
                        status=status if same else None,
                        model_s=first.model_s if rng.random() < 0.9 else None,
                        cal=first.cal, cal_s=first.cal_s if rng.random() < 0.9 else None))
            else:
                fam = self.pick_family()
                mi = self.pick_model(fam)
                recs.append(self.new_rec(fam, mi, self.serial_for(fam, fam["models"][mi])))
        recs = recs[:n]
        # IDs: reporting country, year, running number
        import datetime
        order = sorted(range(n), key=lambda i: (recs[i].date, rng.random()))
        recs = [recs[i] for i in order]
        counters = {}
        for r in recs:
            y = datetime.date.fromordinal(r.date).year
            k = (r.country, y)
            counters[k] = counters.get(k, rng.randint(1, 400)) + rng.choice((1, 1, 1, 2, 3))
            r.rid = "%s-%d-%07d" % (r.country, y, counters[k])
        self.recs = recs
        self.index_register()

    # ---------------------------------------------------------------- indexes
    def index_register(self):
        self.groups = {}
        fam_keys = [dict(keys=set(), skel=set(), ncic=set(), alpha=set(), skalpha=set())
                    for _ in FAMILIES]
        self.pref, self.suf = {}, {}
        self.fpref, self.fsuf = {}, {}
        self.fam_recs = [[] for _ in FAMILIES]
        shape_fams = {}
        for i, r in enumerate(self.recs):
            self.groups.setdefault((r.fam, r.key), []).append(i)
            self.fam_recs[r.fam].append(i)
            fk = fam_keys[r.fam]
            if r.key in fk["keys"]:
                continue
            keys = [r.key]
            if any(is_cyr(c) for c in r.key):
                keys += [t for t in translits(r.serial) if t != r.key]
            for k in keys:
                fk["keys"].add(k)
                fk["alpha"].update(k)
                self.pref.setdefault(k[:2], []).append(k)
                self.suf.setdefault(k[-2:], []).append(k)
                sk = skel(k)
                if sk not in fk["skel"]:
                    fk["skel"].add(sk)
                    fk["skalpha"].update(sk)
                    self.fpref.setdefault((r.fam, sk[:2]), []).append(sk)
                    self.fsuf.setdefault((r.fam, sk[-2:]), []).append(sk)
                fk["ncic"].add(ncic(k))
            sh = shape(r.key)
            lst = shape_fams.setdefault(sh, [])
            if r.fam not in lst:
                lst.append(r.fam)
        for fk in fam_keys:
            fk["alpha"] = "".join(sorted(fk["alpha"]))
            fk["skalpha"] = "".join(sorted(fk["skalpha"]))
        self.fam_keys = fam_keys
        self.shape_fams = {k: sorted(v) for k, v in shape_fams.items()}

    def clear_of_family(self, f, serial):
        """A serial is a safe non-hit for family f: not within one edit of any registered key
        (or transliteration), its confusable skeleton not within one edit of any skeleton, and
        its NCIC key not equal to any NCIC key."""
        c = canon(serial)
        if len(c) < 4:
            return False
        fk = self.fam_keys[f]
        cands = [c]
        if any(is_cyr(ch) for ch in c):
            cands += translits(serial)
        for x in cands:
            if near1(x, fk["keys"], fk["alpha"]):
                return False
            if near1(skel(x), fk["skel"], fk["skalpha"]):
                return False
            if ncic(x) in fk["ncic"]:
                return False
        return True

    def pattern_matches_nothing(self, f, pattern):
        pc = canon(pattern)
        fixed = [ch for ch in pc if ch not in "?*"]
        if len(fixed) < 4:
            return False
        rx = pattern_rx(pc)
        if "?" not in pc[:2] and "*" not in pc[:2]:
            pool = self.pref.get(pc[:2], [])
        elif "?" not in pc[-2:] and "*" not in pc[-2:]:
            pool = self.suf.get(pc[-2:], [])
        else:
            return False
        if any(rx.fullmatch(k) for k in pool):
            return False
        ps = skel(pc)
        rx2 = pattern_rx(ps)
        if "?" not in ps[:2] and "*" not in ps[:2]:
            pool = self.fpref.get((f, ps[:2]), [])
        elif "?" not in ps[-2:] and "*" not in ps[-2:]:
            pool = self.fsuf.get((f, ps[-2:]), [])
        else:
            return False
        return not any(rx2.fullmatch(k) for k in pool)


# --------------------------------------------------------------------------------------
# Serial noise
# --------------------------------------------------------------------------------------
KB_ROWS = ["1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM"]
QWERTY = {}
for _r, _row in enumerate(KB_ROWS):
    for _i, _ch in enumerate(_row):
        nb = []
        for dr, cols in ((0, (_i - 1, _i + 1)), (-1, (_i, _i + 1)), (1, (_i - 1, _i))):
            rr = _r + dr
            if 0 <= rr < len(KB_ROWS):
                for cc in cols:
                    if 0 <= cc < len(KB_ROWS[rr]):
                        nb.append(KB_ROWS[rr][cc])
        QWERTY[_ch] = "".join(nb)
KEYPAD = {"7": "84", "8": "795", "9": "86", "4": "751", "5": "8462", "6": "953", "1": "420",
          "2": "5130", "3": "62", "0": "12"}

SERIAL_KINDS = ["exact", "case_separators", "ocr", "rare_confusion", "cyrillic_visual",
                "cyrillic_translit", "typo1", "typo2", "leading_zeros", "embedded_letter",
                "obliterated_one", "obliterated_star"]
FIELD_KINDS = ["make_alias", "make_misspelled", "make_missing", "model_variant", "model_missing",
               "calibre_synonym", "calibre_missing"]
ALL_KINDS = SERIAL_KINDS + FIELD_KINDS
HARD = {"rare_confusion", "typo1", "typo2", "embedded_letter", "obliterated_one",
        "obliterated_star", "cyrillic_translit"}
GROUPS = [{"make_alias", "make_misspelled", "make_missing"}, {"model_variant", "model_missing"},
          {"calibre_synonym", "calibre_missing"}, {"cyrillic_visual", "cyrillic_translit"}]
PAIRS = {frozenset(p) for p in (("ocr", "typo2"), ("ocr", "obliterated_one"),
                                ("ocr", "obliterated_star"), ("leading_zeros", "obliterated_star"))}
APPLY_ORDER = ["cyrillic_translit", "cyrillic_visual", "leading_zeros", "embedded_letter", "ocr",
               "rare_confusion", "typo1", "typo2", "obliterated_one", "obliterated_star",
               "case_separators"]


def alnum_pos(s):
    return [i for i, c in enumerate(s) if c.isalnum()]


def conflicts(kind, chosen):
    if kind == "exact" and any(k in SERIAL_KINDS for k in chosen):
        return True
    if "exact" in chosen and kind in SERIAL_KINDS:
        return True
    if kind in HARD and any(k in HARD for k in chosen):
        return True
    for g in GROUPS:
        if kind in g and any(k in g for k in chosen):
            return True
    return any(frozenset((kind, k)) in PAIRS for k in chosen)


class Noise:
    def __init__(self, rng):
        self.rng = rng

    def cyrillic_translit(self, s):
        rng = self.rng
        order = list(TRANSLIT)
        first = wchoice(rng, range(len(order)), [w for _, w in order])
        order = [order[first]] + [t for i, t in enumerate(order) if i != first]
        for table, _ in order:
            out = "".join(table.get(ch, ch) if is_cyr(ch) else ch for ch in s.upper())
            if canon(out) != canon(s):
                return out
        return None

    def cyrillic_visual(self, s):
        rng = self.rng
        up = s.upper()
        if any(is_cyr(c) for c in up):
            if any(is_cyr(c) and c not in CYR_LOOK for c in up):
                return None
            greek = rng.random() < 0.2
            out = []
            for c in up:
                if c in CYR_LOOK:
                    lat = CYR_LOOK[c]
                    out.append(LAT2GRK.get(lat, lat) if greek else lat)
                else:
                    out.append(c)
            return "".join(out)
        target = LAT2CYR if rng.random() < 0.7 else LAT2GRK
        pos = [i for i, c in enumerate(up) if c in target]
        if not pos:
            target = LAT2GRK if target is LAT2CYR else LAT2CYR
            pos = [i for i, c in enumerate(up) if c in target]
        if not pos:
            return None
        if rng.random() >= 0.6:
            pos = rng.sample(pos, rng.randint(1, len(pos)))
        out = list(up)
        for i in pos:
            out[i] = target[out[i]]
        return "".join(out)

    def leading_zeros(self, s):
        rng = self.rng
        p = alnum_pos(s)
        if not p:
            return None
        first = p[0]
        if s[first] == "0":
            j = first
            while j < len(s) and s[j] == "0":
                j += 1
            if j >= len(s) or not s[j].isalnum():
                return None
            if rng.random() < 0.4:
                j = first + 1
            return s[:first] + s[j:]
        if s[first].isdigit():
            return s[:first] + "0" * wchoice(rng, (1, 2, 3), (6, 3, 1)) + s[first:]
        if not re.match(r"^[^\W\d_]{1,3}\d+$", canon(s)):
            return None
        m = re.match(r"^([^\W\d_]+[\s\-]?)(0+)(\d)", s)
        if m:
            return s[:m.end(1)] + s[m.end(2):]
        m = re.match(r"^([^\W\d_]+[\s\-]?)(\d)", s)
        if m:
            return s[:m.end(1)] + "0" + s[m.end(1):]
        return None

    def embedded_letter(self, s):
        rng = self.rng
        drops = [i for i in range(1, len(s) - 1)
                 if s[i].isalpha() and s[i - 1].isdigit() and s[i + 1].isdigit()]
        ins = [i for i in range(1, len(s)) if s[i - 1].isdigit() and s[i].isdigit()]
        if drops and (not ins or rng.random() < 0.5):
            i = rng.choice(drops)
            return s[:i] + s[i + 1:]
        if ins:
            i = rng.choice(ins)
            return s[:i] + rng.choice(LATIN) + s[i:]
        return None

    def _subst(self, s, table, max_k):
        rng = self.rng
        pos = [i for i, c in enumerate(s) if c.upper() in table]
        if not pos:
            return None
        k = 2 if (max_k >= 2 and len(pos) >= 2 and len(canon(s)) >= 7 and rng.random() < 0.3) else 1
        out = list(s)
        for i in rng.sample(pos, k):
            out[i] = rng.choice(table[out[i].upper()])
        return "".join(out)

    def ocr(self, s):
        return self._subst(s, OCR, 2)

    def rare_confusion(self, s):
        return self._subst(s, RARE, 2 if self.rng.random() < 0.2 else 1)

    def _neighbour(self, c):
        rng = self.rng
        u = c.upper()
        if u.isdigit() and rng.random() < 0.5:
            return rng.choice(KEYPAD[u])
        nb = QWERTY.get(u)
        return rng.choice(nb) if nb else None

    def _slip(self, s):
        rng = self.rng
        pos = alnum_pos(s)
        op = wchoice(rng, ("sub", "ins", "del", "swap"), (35, 20, 20, 25))
        if op == "swap":
            pairs = [(pos[j], pos[j + 1]) for j in range(len(pos) - 1)
                     if s[pos[j]] != s[pos[j + 1]]]
            if not pairs:
                return None
            a, b = rng.choice(pairs)
            out = list(s)
            out[a], out[b] = out[b], out[a]
            return "".join(out)
        i = rng.choice(pos)
        if op == "del":
            return s[:i] + s[i + 1:]
        if op == "ins":
            ch = s[i] if rng.random() < 0.5 else self._neighbour(s[i])
            if ch is None:
                ch = s[i]
            return s[:i + 1] + ch + s[i + 1:] if rng.random() < 0.5 else s[:i] + ch + s[i:]
        ch = self._neighbour(s[i])
        if ch is None:
            return None
        return s[:i] + ch + s[i + 1:]

    def _typo(self, s, n):
        c0 = canon(s)
        for _ in range(30):
            t = s
            for _ in range(n):
                t = self._slip(t)
                if t is None:
                    break
            if t is not None and osa(c0, canon(t)) == n:
                return t
        return None

    def typo1(self, s):
        return self._typo(s, 1)

    def typo2(self, s):
        return self._typo(s, 2)

    def obliterated_one(self, s):
        rng = self.rng
        pos = alnum_pos(s)
        if len(pos) < 5:
            return None
        k = 2 if (len(pos) >= 7 and rng.random() < 0.3) else 1
        out = list(s)
        for i in rng.sample(pos, k):
            out[i] = "?"
        return "".join(out)

    def obliterated_star(self, s):
        rng = self.rng
        pos = alnum_pos(s)
        n = len(pos)
        if n < 6:
            return None
        r = rng.randint(1, min(4, n - 4))
        if rng.random() < 0.5:
            return s[:pos[n - r]].rstrip("".join(SEPS)) + "*"
        return "*" + s[pos[r - 1] + 1:].lstrip("".join(SEPS))

    def case_separators(self, s):
        rng = self.rng
        for _ in range(10):
            ops = []
            if any(c.isalpha() for c in s):
                ops.append("lower")
            if any(c in SEPS for c in s):
                ops += ["strip", "change"]
            if len(alnum_pos(s)) >= 3:
                ops.append("add")
            t = s
            for op in rng.sample(ops, min(len(ops), rng.choice((1, 1, 2)))):
                if op == "lower":
                    t = t.lower()
                elif op == "strip":
                    t = "".join(c for c in t if c not in SEPS)
                elif op == "change":
                    t = "".join(rng.choice(" -./") if c in SEPS else c for c in t)
                else:
                    b = [i for i in range(1, len(t)) if t[i - 1].isalnum() and t[i].isalnum()]
                    pref = [i for i in b if t[i - 1].isdigit() != t[i].isdigit()]
                    pool = pref or b
                    if not pool:
                        continue
                    kk = 1 if rng.random() < 0.7 else 2
                    for i in sorted(rng.sample(pool, min(kk, len(pool))), reverse=True):
                        t = t[:i] + wchoice(rng, " -./", (40, 35, 15, 10)) + t[i:]
            if t != s:
                return t
        return None


# --------------------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------------------
class QueryMaker:
    def __init__(self, world):
        self.w = world
        self.rng = world.rng
        self.noise = Noise(world.rng)
        self.counts = {k: 0 for k in ALL_KINDS}
        self.cyr_recs = [i for i, r in enumerate(world.recs) if any(is_cyr(c) for c in r.serial)]
        self.disabled = set()            # kinds no record of a (small) register can carry

    # ------------------------------------------------------------------ compatibility
    def compatible(self, kind, r):
        s, c = r.serial, r.key
        fam = FAMILIES[r.fam]
        if kind in ("exact", "make_missing"):
            return True
        if kind == "case_separators":
            return len(c) >= 3
        if kind == "ocr":
            return any(ch.upper() in OCR for ch in s)
        if kind == "rare_confusion":
            return any(ch.upper() in RARE for ch in s)
        if kind == "cyrillic_visual":
            up = s.upper()
            if any(is_cyr(ch) for ch in up):
                return all(ch in CYR_LOOK for ch in up if is_cyr(ch))
            return any(ch in LAT2CYR or ch in LAT2GRK for ch in up)
        if kind == "cyrillic_translit":
            return any(is_cyr(ch) for ch in s) and translits(s)[0] != c
        if kind == "typo1":
            return len(c) >= 4
        if kind == "typo2":
            return len(c) >= 6
        if kind == "leading_zeros":
            return c[:1].isdigit() or bool(re.match(r"^[^\W\d_]{1,3}\d+$", c))
        if kind == "embedded_letter":
            return bool(re.search(r"\d\d|\d[^\W\d_]\d", s))
        if kind == "obliterated_one":
            return len(c) >= 5
        if kind == "obliterated_star":
            return len(c) >= 6
        if kind == "make_alias":
            return bool(self.alias_names(r))
        if kind == "make_misspelled":
            return True
        if kind == "model_variant":
            return bool(r.model_s) and bool(self.other_forms(fam["models"][r.model]["forms"], r.model_s))
        if kind == "model_missing":
            return bool(r.model_s)
        if kind == "calibre_synonym":
            return bool(r.cal_s) and bool(self.other_forms(CAL[r.cal], r.cal_s))
        if kind == "calibre_missing":
            return bool(r.cal_s)
        raise KeyError(kind)

    def alias_names(self, r):
        mine = norm_name(r.make)
        seen, out = set(), []
        for n, w, ro in FAMILIES[r.fam]["names"]:
            k = norm_name(n)
            if ro or k == mine or k in seen:
                continue
            seen.add(k)
            out.append((n, w))
        return out

    @staticmethod
    def other_forms(forms, current):
        k = norm_name(current)
        return [f for f in forms if norm_name(f) != k]

    def misspell(self, r):
        rng = self.rng
        fam = FAMILIES[r.fam]
        mine = norm_name(r.make)
        cur = [m for m in fam["missp"] if norm_name(m) != mine]
        if cur and rng.random() < 0.5:
            return case_style(rng, rng.choice(cur), 0.3)
        bases = [n for n, _, ro in fam["names"] if not ro and len(norm_name(n)) >= 5] or [fam["name"]]
        for _ in range(50):
            b = rng.choice(bases)
            letters = [i for i, ch in enumerate(b) if ch.isalpha()]
            op = rng.choice(("drop", "double", "swap", "vowel", "phon"))
            t = None
            if op == "drop" and len(letters) > 3:
                i = rng.choice(letters[1:])
                t = b[:i] + b[i + 1:]
            elif op == "double":
                i = rng.choice(letters)
                t = b[:i] + b[i] + b[i:]
            elif op == "swap":
                js = [i for i in letters[1:-1] if i + 1 < len(b) and b[i + 1].isalpha() and b[i] != b[i + 1]]
                if js:
                    i = rng.choice(js)
                    t = b[:i] + b[i + 1] + b[i] + b[i + 2:]
            elif op == "vowel":
                vs = [i for i in letters[1:] if b[i].lower() in "aeiouy"]
                if vs:
                    i = rng.choice(vs)
                    rep = rng.choice([v for v in "aeiou" if v != b[i].lower()])
                    t = b[:i] + (rep.upper() if b[i].isupper() else rep) + b[i + 1:]
            else:
                for a, z in (("ck", "k"), ("ph", "f"), ("w", "v"), ("v", "w"), ("z", "s"),
                             ("s", "z"), ("c", "k"), ("k", "c"), ("x", "ks"), ("ll", "l"),
                             ("rr", "r"), ("ss", "s"), ("tt", "t"), ("i", "y"), ("y", "i")):
                    if a in b[1:].lower() and rng.random() < 0.5:
                        i = b.lower().index(a, 1)
                        t = b[:i] + z + b[i + len(a):]
                        break
            if t and norm_name(t) not in NAME2FAM and norm_name(t) != norm_name(b):
                return case_style(rng, t, 0.3)
        return case_style(rng, rng.choice(fam["missp"]), 0.3)

    # ------------------------------------------------------------------ hits
    def pick_kind(self, cands):
        lo = min(v for k, v in self.counts.items() if k not in self.disabled)
        return wchoice(self.rng, cands, [0.5 ** min(40, self.counts[k] - lo) for k in cands])

    def sample_rec(self, kind):
        rng, recs = self.rng, self.w.recs
        if kind == "cyrillic_translit" or (kind == "cyrillic_visual" and rng.random() < 0.5):
            pool = self.cyr_recs
            for _ in range(200 if pool else 0):
                i = pool[rng.randrange(len(pool))]
                if self.compatible(kind, recs[i]):
                    return i
        for _ in range(2000):
            i = rng.randrange(len(recs))
            if self.compatible(kind, recs[i]):
                return i
        return None

    def make_hit(self):
        rng, w = self.rng, self.w
        for _ in range(500):
            n = wchoice(rng, (1, 2, 3), (35, 40, 25))
            k1 = self.pick_kind([k for k in ALL_KINDS if k not in self.disabled])
            ri = self.sample_rec(k1)
            if ri is None:
                self.disabled.add(k1)
                continue
            r = w.recs[ri]
            chosen = [k1]
            while len(chosen) < n:
                cands = [k for k in ALL_KINDS if k not in chosen and not conflicts(k, chosen)
                         and self.compatible(k, r)]
                if not cands:
                    break
                chosen.append(self.pick_kind(cands))
            q = self.apply(r, chosen)
            if q is None:
                continue
            serial = q["serial"]
            if "?" not in serial and "*" not in serial:
                g = w.groups.get((r.fam, canon(serial)))
                if g is not None and ri not in g:
                    continue                       # noise landed on another firearm: redraw
            if len([c for c in canon(serial) if c not in "?*"]) < 4:
                continue
            for k in chosen:
                self.counts[k] += 1
            group = w.groups[(r.fam, r.key)]
            q["country"] = w.country(r.country) if rng.random() < 0.85 else r.country
            kinds = [k for k in ALL_KINDS if k in chosen]
            return q, "hit", "|".join(kinds), "|".join(sorted(w.recs[i].rid for i in group))
        raise RuntimeError("could not make a hit")

    def apply(self, r, chosen):
        rng = self.rng
        s = r.serial
        for k in APPLY_ORDER:
            if k in chosen:
                t = getattr(self.noise, k)(s)
                if t is None or t == s:
                    return None
                s = t
        q = {"make": r.make, "model": r.model_s, "serial": s, "calibre": r.cal_s}
        fam = FAMILIES[r.fam]
        if "make_alias" in chosen:
            al = self.alias_names(r)
            q["make"] = case_style(rng, wchoice(rng, [a for a, _ in al], [x for _, x in al]), 0.3)
        elif "make_misspelled" in chosen:
            q["make"] = self.misspell(r)
        elif "make_missing" in chosen:
            q["make"] = ""
        if "model_variant" in chosen:
            q["model"] = case_style(rng, rng.choice(self.other_forms(fam["models"][r.model]["forms"], r.model_s)), 0.2)
        elif "model_missing" in chosen:
            q["model"] = ""
        if "calibre_synonym" in chosen:
            q["calibre"] = case_style(rng, rng.choice(self.other_forms(CAL[r.cal], r.cal_s)), 0.15)
        elif "calibre_missing" in chosen:
            q["calibre"] = ""
        return q

    # ------------------------------------------------------------------ non-hits
    def fields_for(self, fam, mi, model_s=None, cal_s=None):
        """make/model/calibre of a non-hit query as an officer would write them."""
        w, rng = self.w, self.rng
        model = fam["models"][mi]
        make = w.make_string(fam, allow_ro=False, allow_missp=False)
        if model_s is None or rng.random() < 0.25:
            model_s = w.model_string(model, 0.12)
        if cal_s is None or rng.random() < 0.25:
            cal_s = w.calibre_string(w.calibre(model), 0.12)
        return {"make": make, "model": model_s, "calibre": cal_s}

    def sibling_serial(self, r):
        rng = self.rng
        s = r.serial
        dpos = [i for i, c in enumerate(s) if c.isdigit()]
        if len(dpos) < 3:
            return None
        tail = dpos[-4:] if len(dpos) < 8 else dpos[-5:]
        k = 3 if (len(tail) >= 3 and rng.random() < 0.35) else 2
        out = list(s)
        for i in rng.sample(tail, k):
            out[i] = rng.choice([d for d in DIGITS if d != s[i]])
        return "".join(out)

    def nonhit_sibling(self):
        w, rng = self.w, self.rng
        for _ in range(5000):
            r = w.recs[rng.randrange(len(w.recs))]
            s = self.sibling_serial(r)
            if s and w.clear_of_family(r.fam, s):
                q = self.fields_for(FAMILIES[r.fam], r.model, r.model_s, r.cal_s)
                q["serial"] = s
                return q, r.fam
        raise RuntimeError("sibling")

    def nonhit_fresh(self):
        w, rng = self.w, self.rng
        for _ in range(5000):
            fam = w.pick_family()
            mi = w.pick_model(fam)
            s = w.serial_for(fam, fam["models"][mi])
            if w.clear_of_family(fam["id"], s):
                q = self.fields_for(fam, mi)
                q["serial"] = s
                return q, fam["id"]
        raise RuntimeError("fresh")

    def nonhit_other_make(self):
        w, rng = self.w, self.rng
        for _ in range(5000):
            r = w.recs[rng.randrange(len(w.recs))]
            same_shape = [f for f in w.shape_fams.get(shape(r.key), []) if f != r.fam]
            if same_shape and rng.random() < 0.75:
                fam = FAMILIES[wchoice(rng, same_shape, [FAMILIES[f]["pop"] for f in same_shape])]
            else:
                fam = w.pick_family(exclude=r.fam)
            if (fam["id"], r.key) in w.groups or not w.clear_of_family(fam["id"], r.serial):
                continue
            q = self.fields_for(fam, w.pick_model(fam))
            q["serial"] = r.serial
            return q, fam["id"]
        raise RuntimeError("other_make")

    def nonhit_wildcard(self):
        w, rng = self.w, self.rng
        for _ in range(5000):
            q, f = self.nonhit_sibling() if rng.random() < 0.6 else self.nonhit_fresh()
            s = q["serial"]
            t = self.noise.obliterated_one(s) if rng.random() < 0.5 else self.noise.obliterated_star(s)
            if t and w.pattern_matches_nothing(f, t):
                q["serial"] = t
                return q, f
        raise RuntimeError("wildcard")

    def make_nonhit(self, kind):
        q, _ = getattr(self, "nonhit_" + kind)()
        q["country"] = self.w.country()
        label = {"sibling": "non_hit:sibling", "fresh": "non_hit:fresh",
                 "other_make": "non_hit:other_make", "wildcard": "non_hit:wildcard_nothing"}[kind]
        return q, "non_hit", label, ""


# --------------------------------------------------------------------------------------
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--records", type=int, default=300000)
    ap.add_argument("--queries", type=int, default=6000)
    ap.add_argument("--hit-share", type=float, default=0.30)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)

    world = World(a.seed)
    world.build_register(a.records)
    qm = QueryMaker(world)
    n_hit = int(round(a.queries * a.hit_share))
    n_non = a.queries - n_hit
    rows = [qm.make_hit() for _ in range(n_hit)]
    kinds = ["sibling", "fresh", "other_make", "wildcard"]
    for j in range(n_non):
        rows.append(qm.make_nonhit(kinds[j % 4]))
    world.rng.shuffle(rows)

    import datetime
    with open(os.path.join(a.out, "records.csv"), "w", encoding="utf-8", newline="") as fh:
        wr = csv.writer(fh, lineterminator="\n")
        wr.writerow(["record_id", "make", "model", "serial", "calibre", "type", "country", "status",
                     "reported_on"])
        for r in world.recs:
            wr.writerow([r.rid, r.make, r.model_s, r.serial, r.cal_s, r.type, r.country, r.status,
                         datetime.date.fromordinal(r.date).isoformat()])
    with open(os.path.join(a.out, "queries.csv"), "w", encoding="utf-8", newline="") as fq, \
            open(os.path.join(a.out, "truth.csv"), "w", encoding="utf-8", newline="") as ft:
        wq = csv.writer(fq, lineterminator="\n")
        wt = csv.writer(ft, lineterminator="\n")
        wq.writerow(["query_id", "make", "model", "serial", "calibre", "country"])
        wt.writerow(["query_id", "label", "noise", "record_ids"])
        for j, (q, label, noise, ids) in enumerate(rows, 1):
            qid = "Q-%07d" % j
            wq.writerow([qid, q["make"], q["model"], q["serial"], q["calibre"], q["country"]])
            wt.writerow([qid, label, noise, ids])
    counts = {}
    for _, label, noise, _ in rows:
        for k in noise.split("|"):
            counts[k] = counts.get(k, 0) + 1
    sys.stderr.write("records=%d queries=%d hits=%d\n" % (len(world.recs), len(rows), n_hit))
    for k in sorted(counts, key=lambda k: -counts[k]):
        sys.stderr.write("  %-26s %d\n" % (k, counts[k]))


if __name__ == "__main__":
    main()
