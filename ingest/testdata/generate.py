#!/usr/bin/env python3
"""Generates the ingest test files to the published column specs.

GDELT 2.0 / 1.0: the event codebooks' column orders (no header).
ICEWS: the Dataverse files' header. ACLED: the export's header.
PLOVER: the PLOVER manual's JSON record. Run from this directory:
    python3 generate.py
The rows are invented; the malformed files hold the nasty rows the
readers must refuse (tabs in names, missing codes, dates out of range,
duplicate ids, non-UTF-8 bytes, wrong column counts).
"""
import json

ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
         "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]


def gdelt_cols(v2):
    cols = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    for a in ("Actor1", "Actor2"):
        cols += [a + c for c in ACTOR]
    cols += ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
             "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    for g in ("Actor1Geo_", "Actor2Geo_", "ActionGeo_"):
        cols += [g + "Type", g + "FullName", g + "CountryCode", g + "ADM1Code"]
        if v2:
            cols += [g + "ADM2Code"]
        cols += [g + "Lat", g + "Long", g + "FeatureID"]
    return cols + ["DATEADDED", "SOURCEURL"]


G2, G1 = gdelt_cols(True), gdelt_cols(False)
assert len(G2) == 61 and len(G1) == 58

QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 2,
        "10": 3, "11": 3, "12": 3, "13": 3, "14": 3}


def gdelt_row(cols, id, date, a1, a2, code, gs, mentions=10, sources=2, url=None, **over):
    """a1, a2: (code, name, country, type1) tuples; None for no actor."""
    r = {c: "" for c in cols}
    r.update(GLOBALEVENTID=str(id), SQLDATE=date, MonthYear=date[:6], Year=date[:4],
             FractionDate="%s.%04d" % (date[:4], int(date[4:6]) * 833),
             IsRootEvent="1", EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2],
             QuadClass=str(QUAD.get(code[:2], 4)), GoldsteinScale=str(gs),
             NumMentions=str(mentions), NumSources=str(sources), NumArticles=str(mentions),
             AvgTone="-1.5", DATEADDED=date + ("120000" if len(cols) == 61 else ""),
             ActionGeo_Type="1", ActionGeo_FullName="Muscat, Oman", ActionGeo_CountryCode="MU",
             ActionGeo_Lat="23.6", ActionGeo_Long="58.6", ActionGeo_FeatureID="MU")
    for prefix, a in (("Actor1", a1), ("Actor2", a2)):
        if a:
            r[prefix + "Code"], r[prefix + "Name"], r[prefix + "CountryCode"], r[prefix + "Type1Code"] = a
    if "SOURCEURL" in r:
        r["SOURCEURL"] = url or "https://news.example.org/%d.html" % id
    r.update(over)
    return "\t".join(r[c] for c in cols)


USA = ("USAGOV", "UNITED STATES", "USA", "GOV")
IRN = ("IRNGOV", "IRAN", "IRN", "GOV")
OMN = ("OMN", "OMAN", "OMN", "")
ISR = ("ISRMIL", "ISRAEL", "ISR", "MIL")
IRNOPP = ("IRNOPP", "IRAN", "IRN", "OPP")
HEZ = ("LBNREBHEZ", "HEZBOLLAH", "LBN", "REB")


def write(name, lines, mode="w", enc="utf-8"):
    with open(name, "wb") as f:
        for l in lines:
            f.write((l if isinstance(l, bytes) else l.encode(enc)) + b"\n")


valid2 = [
    gdelt_row(G2, 1100000001, "20250405", USA, IRN, "036", 4.0),
    gdelt_row(G2, 1100000002, "20250412", USA, IRN, "046", 7.0, mentions=40, sources=6,
              url="https://www.reuters.example/world/talks-muscat"),
    gdelt_row(G2, 1100000003, "20250412", IRN, USA, "046", 7.0, url="https://apnews.example/iran-us"),
    gdelt_row(G2, 1100000004, "20250411", OMN, IRN, "045", 5.0),
    gdelt_row(G2, 1100000005, "20250410", USA, IRN, "1312", -5.8),
    gdelt_row(G2, 1100000006, "20250409", IRNOPP, USA, "111", -2.0),
    gdelt_row(G2, 1100000007, "20250408", USA, None, "010", 0.0),
    gdelt_row(G2, 1100000008, "20250407", ISR, IRN, "191", -9.5),
]
write("gdelt2-valid.tsv", valid2)

bad = [valid2[0]]
bad.append(gdelt_row(G2, 1100000010, "20250405", ("USAGOV", "UNITED\tSTATES", "USA", "GOV"), IRN, "036", 4.0))  # tab in a name
bad.append(gdelt_row(G2, 1100000011, "20250405", USA, IRN, "036", 4.0, EventCode=""))                          # missing code
bad.append(gdelt_row(G2, 1100000012, "20991231", USA, IRN, "036", 4.0))                                       # in the future
bad.append(gdelt_row(G2, 1100000013, "19500101", USA, IRN, "036", 4.0))                                       # before GDELT
bad.append(gdelt_row(G2, 1100000014, "20251345", USA, IRN, "036", 4.0))                                       # no such day
bad.append(valid2[1])
bad.append(valid2[1])                                                                                         # duplicate id
row = gdelt_row(G2, 1100000015, "20250405", ("USAGOV", "UNITED STATES", "USA", "GOV"), IRN, "036", 4.0)
bad.append(row.encode("utf-8").replace(b"UNITED STATES", b"UNITED \xff STATES"))                              # not UTF-8
bad.append("\t".join(row.split("\t")[:60]))                                                                   # 60 columns
bad.append(gdelt_row(G2, 1100000016, "20250405", USA, IRN, "036", "high"))                                    # bad Goldstein
bad.append(gdelt_row(G2, 1100000017, "20250405", USA, IRN, "036", 4.0, EventRootCode="04"))                    # root mismatch
bad.append(gdelt_row(G2, 1100000018, "20250405", ("USAGOV", "UNITED STATES", "usa", "GOV"), IRN, "036", 4.0))  # bad country
write("gdelt2-malformed.tsv", bad)

valid1 = [
    gdelt_row(G1, 500000001, "20130402", USA, IRN, "046", 7.0),
    gdelt_row(G1, 500000002, "20130403", IRN, USA, "111", -2.0),
]
no_url = gdelt_row(G1, 500000003, "20130301", OMN, IRN, "045", 5.0).split("\t")[:57]
valid1.append("\t".join(no_url))  # the historical back file has no SOURCEURL
write("gdelt1-valid.tsv", valid1)


def plover(id, date, actor, recipient, event, mode=None, **kw):
    r = {"id": id, "date": date, "actor": actor, "recipient": recipient, "event": event}
    if mode:
        r["mode"] = mode
    r.update(kw)
    return json.dumps(r, ensure_ascii=False)


P_USA = [{"code": "USA", "sector": "GOV", "entity_text": "Washington"}]
P_IRN = [{"code": "IRN", "sector": "GOV", "entity_text": "Tehran", "identifier_id": ""}]
P_OMN = [{"code": "OMN", "entity_text": "Oman's foreign minister", "identifier_id": "Q842"}]
P_HEZ = [{"code": "LBN", "sector": "REB", "entity_text": "Hezbollah", "identifier_id": "Q131156"}]
pl = [
    plover("POLECAT-20250412-0001", "2025-04-12", P_USA, P_IRN, ["CONSULT"], ["visit"], quad_code=1,
           event_text="US and Iranian delegations met in Muscat.",
           cite_info={"url": "https://www.reuters.example/world/talks-muscat", "title": "Talks in Muscat"}),
    plover("POLECAT-20250412-0002", "2025-04-12", P_OMN, P_IRN, "CONSULT", "mediate", event_scale=5.0,
           cite_info={"url": "https://timesofoman.example/mediation"}),
    plover("POLECAT-20250410-0003", "2025-04-10", P_USA, P_IRN, ["SANCTION"], [], quad_code=3),
    plover("POLECAT-20250410-0004", "2025-04-10", P_HEZ, [{"code": "ISR", "sector": "MIL"}], ["ASSAULT"], ["aerial"]),
    plover("POLECAT-20250409-0005", "2025-04-09", P_USA, P_IRN, ["REQUEST"], ["yield"]),
]
write("plover-valid.jsonl", pl)
write("plover-malformed.jsonl", [
    pl[0],
    '{"id": "POLECAT-x1", "date": "2025-04-12", "actor": [{"code": "USA"}], "recipient": [{"code": "IRN"}]}',    # no event
    '{"id": "POLECAT-x2", "date": "12/04/2025", "actor": [{"code": "USA"}], "event": ["CONSULT"]}',             # bad date
    '{"id": "POLECAT-x3", "date": "2099-01-01", "actor": [{"code": "USA"}], "event": ["CONSULT"]}',             # future
    '{"id": "POLECAT-x4", "date": "2025-04-12", "actor": [], "event": ["CONSULT"]}',                            # no actor
    '{"id": "POLECAT-x5", "date": "2025-04-12", "actor": [{"code": "USA"}], "event": ["CONSULT"], "quad_code": 7}',
    '{"id": "POLECAT-x6", "date": "2025-04-12", "actor": [{"code": "USA"}], "event": ["CONSULT"]',              # truncated
    b'{"id": "POLECAT-x7", "date": "2025-04-12", "actor": [{"code": "USA", "entity_text": "W\xe9shington"}], "event": ["CONSULT"]}',
    pl[0],                                                                                                       # duplicate id
    pl[1],
])

ICEWS_HEAD = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
              "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
              "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]


def icews(id, date, src, ssec, sctry, text, code, inten, tgt, tsec, tctry):
    return "\t".join([str(id), date, src, ssec, sctry, text, code, str(inten), tgt, tsec, tctry,
                      "42%d" % id, "1", "Example Wire", "Muscat", "", "Masqat", "Oman", "23.6", "58.6"])


ic = [
    "\t".join(ICEWS_HEAD),
    icews(30000001, "2019-05-08", "United States", "", "United States", "Impose embargo, boycott, or sanctions", "163", -8.0, "Iran", "", "Iran"),
    icews(30000002, "2019-05-09", "Government (Iran)", "Government", "Iran", "Criticize or denounce", "111", -2.0, "Government (United States)", "Government,Executive", "United States"),
    icews(30000003, "2019-05-10", "Citizen (Iran)", "General Population / Civilian / Social", "Iran", "Demonstrate or rally", "141", -6.5, "Iran", "", "Iran"),
    icews(30000004, "2019-05-11", "Oman", "", "Oman", "Engage in mediation", "045", 5.0, "Iran", "", "Iran"),
]
write("icews-valid.tsv", ic)
write("icews-malformed.tsv", [
    ic[0], ic[1],
    icews(30000010, "2019-05-08", "United\tStates", "", "United States", "x", "163", -8.0, "Iran", "", "Iran"),
    icews(30000011, "2019-05-08", "United States", "", "United States", "x", "", -8.0, "Iran", "", "Iran"),
    icews(30000012, "2019-13-08", "United States", "", "United States", "x", "163", -8.0, "Iran", "", "Iran"),
    icews(30000013, "2019-05-08", "United States", "", "United States", "x", "163", -18.0, "Iran", "", "Iran"),
    icews(30000014, "2019-05-08", "United States", "", "United States", "x", "16A", -8.0, "Iran", "", "Iran"),
    ic[1],
])

ACLED_HEAD = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
              "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
              "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
              "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
              "fatalities", "tags", "timestamp"]


def acled(id, date, etype, sub, a1, i1, a2, i2, source, notes, fat="0", iso="364", country="Iran"):
    vals = [id, date, date[:4], "1", "Political violence", etype, sub, a1, "", i1, a2, "", i2, "", "",
            iso, "Middle East", country, "Tehran", "", "", "Tehran", "35.7", "51.4", "1", source,
            "International", notes, fat, "", "1718000000"]
    out = []
    for v in vals:
        if any(c in v for c in ',"\n'):
            v = '"' + v.replace('"', '""') + '"'
        out.append(v)
    return ",".join(out)


ac = [
    ",".join(ACLED_HEAD),
    acled("IRN1001", "2024-04-19", "Explosions/Remote violence", "Air/drone strike", "Military Forces of Israel (2022-)", "State forces",
          "Military Forces of Iran (1989-)", "State forces", "Reuters; Al Jazeera", 'Israeli drones struck near Isfahan, "limited" damage.'),
    acled("ISR2002", "13 April 2024", "Explosions/Remote violence", "Air/drone strike", "Military Forces of Iran (1989-)", "1",
          "Military Forces of Israel (2022-)", "1", "Times of Israel", "Iran launched drones and missiles at Israel.", iso="376", country="Israel"),
    acled("IRN1003", "2024-04-20", "Protests", "Peaceful protest", "Protesters (Iran)", "Protesters", "", "", "Iran International", "Protest in Tehran."),
    acled("LBN3004", "2024-04-21", "Battles", "Armed clash", "Hezbollah", "Political militia", "Military Forces of Israel (2022-)", "State forces", "L'Orient", "Clashes on the border."),
]
write("acled-valid.csv", ac)
write("acled-malformed.csv", [
    ac[0], ac[1],
    acled("IRN1010", "2024-02-30", "Battles", "Armed clash", "Hezbollah", "3", "Military Forces of Israel (2022-)", "1", "x", "bad day"),
    acled("IRN1011", "2024-04-19", "", "", "Hezbollah", "3", "Military Forces of Israel (2022-)", "1", "x", "no event type"),
    acled("IRN1012", "2024-04-19", "Battles", "Armed clash", "Hezbollah", "3", "Military Forces of Israel (2022-)", "1", "x", "many", fat="many"),
    "IRN1013,2024-04-19,2024,short row",
    ac[1],
])
