"""Which encoding detector reads short legacy-encoded snippets right?

Run ``python bench/encoding_eval.py``.

Each snippet (three to twelve words, the length of a headline or a pasted line) is encoded in
a legacy code page and given to chardet and to charset-normalizer; a detector scores when its
guess decodes the bytes back to the exact snippet. BriefDesk uses the better of the two.
"""

from __future__ import annotations

SNIPPETS: dict[str, list[str]] = {
    "cp1252": [
        "Le ministre a signé l'accord à Genève",
        "Die Ministerin unterzeichnete das Abkommen in München",
        "El acuerdo se firmó en Bogotá el jueves",
        "Coopération renforcée dans le domaine de la défense",
        "Straße, Brücke und Übungsgelände für die Streitkräfte",
        "Cette déclaration commune a été saluée à Paris",
    ],
    "cp1255": [
        "ישראל והודו חתמו על מזכר הבנות",
        "שר הביטחון נפגש עם מזכיר ההגנה",
        "ההסכם נחתם בתל אביב ביום שלישי",
        "שיתוף פעולה במחקר ופיתוח ביטחוני",
        "הצדדים הסכימו להקים ועדת היגוי משותפת",
        "משרד הביטחון פרסם הודעה רשמית",
    ],
    "cp1256": [
        "وقعت الهند وإسرائيل مذكرة تفاهم",
        "وزير الدفاع يلتقي نظيره في القاهرة",
        "اتفاقية تعاون في مجال الأمن السيبراني",
        "تم التوقيع على الاتفاق يوم الثلاثاء",
        "البيان المشترك صدر عن وزارة الخارجية",
        "الطرفان اتفقا على تشكيل لجنة مشتركة",
    ],
    "cp1251": [
        "Индия и Израиль подписали меморандум",
        "Министр обороны встретился с коллегой",
        "Соглашение о сотрудничестве в области безопасности",
        "Україна та Польща підписали угоду про співпрацю",
        "Стороны договорились создать совместный комитет",
        "Заявление опубликовано министерством иностранных дел",
    ],
    "koi8-r": [
        "Индия и Израиль подписали меморандум",
        "Министр обороны встретился с коллегой",
        "Соглашение о сотрудничестве в области безопасности",
        "Стороны договорились создать совместный комитет",
    ],
    "shift_jis": [
        "日本とノルウェーは防衛協力の覚書に署名した",
        "防衛大臣はオスロで会談した",
        "両国は共同委員会の設置で合意した",
        "海洋安全保障に関する協力を強化する",
    ],
    "gb18030": [
        "中国和日本签署了合作协议",
        "国防部长在北京会见了来访的代表团",
        "双方同意成立联合委员会",
        "加强在海上安全领域的合作",
    ],
}


def _decodes(data: bytes, guess: str | None, text: str) -> bool:
    if not guess:
        return False
    try:
        return data.decode(guess) == text
    except (LookupError, UnicodeDecodeError):
        return False


def main() -> None:
    import chardet
    from charset_normalizer import from_bytes

    totals = {"chardet": 0, "charset-normalizer": 0}
    count = 0
    print(f"{'encoding':<10} {'n':>3} {'chardet':>8} {'charset-normalizer':>19}")
    for encoding, texts in SNIPPETS.items():
        scores = {"chardet": 0, "charset-normalizer": 0}
        for text in texts:
            data = text.encode(encoding)
            best = from_bytes(data).best()
            scores["chardet"] += _decodes(data, chardet.detect(data)["encoding"], text)
            scores["charset-normalizer"] += _decodes(data, best.encoding if best else None, text)
        count += len(texts)
        for key in totals:
            totals[key] += scores[key]
        print(
            f"{encoding:<10} {len(texts):>3} {scores['chardet']:>8} "
            f"{scores['charset-normalizer']:>19}"
        )
    print(f"{'all':<10} {count:>3} {totals['chardet']:>8} {totals['charset-normalizer']:>19}")


if __name__ == "__main__":
    main()
