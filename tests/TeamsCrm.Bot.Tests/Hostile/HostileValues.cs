using CsCheck;
using static TeamsCrm.Bot.Tests.Hostile.HostileJson;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>Generators of hostile strings and JSON values: what a forged or broken client may put in any field.</summary>
static class HostileValues
{
    /// <summary>Names the app reads from card data and forms, and a few it does not: a forged card sends any of them.</summary>
    public static readonly string[] Keys =
    [
        "number", "id", "version", "decision", "comment", "submissionId", "kind", "week", "day", "time", "date", "month",
        "customer", "customerNumber", "contact", "contactName", "contactTitle", "contactPhone", "contactEmail", "contactRole",
        "reason", "reasonNote", "result", "next", "nextAction", "nextActionDate", "topic", "reps", "zone", "opened", "plan",
        "name", "phone", "email", "website", "creditCode", "category", "tier", "industry", "region", "companySize", "address",
        "summary", "forecast", "problems", "solutions", "amount", "receivable", "received", "purpose", "method", "type",
        "notes", "description", "reference", "what", "days", "item", "targets", "reminders", "report", "addContact",
        "customerType", "contactInfo", "queryText", "dataset", "verb", "action", "data", "__proto__", "constructor", "",
    ];

    static readonly string[] Words =
    [
        "", " ", "\ud800", "a\udc00b", "x\ud83d", "\udfff\ud800", "\ud83d\ude00", "<at>TeamsCrm</at>", "<at>Li Na</at> find C-2026-00001",
        "<at></at>", "<at>", "</at>", "&nbsp;", "\u0000", "\u202e", "\ufeff", "\u200b", "null", "undefined", "NaN", "1e309", "-0",
        "C-2026-00001", "C-0000-00000", "C-2026-999999999999", "c-2026-00001 ", "../../etc/passwd", "%00", "a/b?c#d", "' OR 1=1 --",
        "{\"a\":1}", "\\", "\"", "file:///etc/passwd", "29:evil", "19:x@thread.tacv2;messageid=1", "28:bot",
        "7a1c0000-0000-4000-8000-000000000011", "7a1c0000-0000-4000-8000-000000000031", "00000000-0000-0000-0000-000000000000",
        "客户", "华东精密", "\n\r\t", "2026-13-45", "2026-02-30", "25:99", "9999-12-31", "0001-01-01", "Asia/Shanghai", "Invalid/Zone",
        "zz-ZZ", "en-US-u-ca-xyz", "approve", "reject", "Approved", "notYet", "-1", "0", "1", "2147483648", "1,234.567", "¥-5",
        "１２３４．５", "true", "false", "channel", "groupChat", "personal", "Enterprise", "Individual", "add", "remove",
        "2026-W47", "9998-W52", "0001-W01", "2026-W99", "2026-W00", "9999-12", "0001-01", "2026-13", "2026-00", "9999-12-31 23:59",
        "next", "yesterday", "下月", "12/31/9999", "31.12.0001",
    ];

    /// <summary>Any UTF-16 code unit, lone surrogates included.</summary>
    static readonly Gen<string> AnyChars = Gen.String[Gen.Char, 0, 40];

    public static readonly Gen<string> Text = Gen.Frequency(
        (6, Gen.OneOf(Words)),
        (3, AnyChars),
        (1, Gen.Int[1_000, 60_000].Select(n => new string('x', n))),
        (1, Gen.Int[1, 3_000].Select(n => string.Concat(Enumerable.Repeat("<at>x</at>\ud800", n)))),
        (1, Gen.Select(Gen.OneOf(Words), Gen.OneOf(Words), (a, b) => a + b)));

    static readonly Gen<string> Scalar = Gen.Frequency(
        (6, Text.Select(Str)),
        (2, Gen.OneOf("0", "-1", "1.5", "1e308", "-1e308", "1e-400", "123456789012345678901234567890", "2147483648", "-2147483649", "0.0000001")),
        (2, Gen.OneOf("true", "false", "null")));

    /// <summary>Any JSON value, nested a few levels (objects keyed by <see cref="Keys"/>), sometimes large or deep.</summary>
    public static readonly Gen<string> Value = Gen.Recursive<string>((depth, self) => Gen.Frequency(
        (8, Scalar),
        (depth < 3 ? 3 : 0, Gen.Select(Gen.OneOf(Keys), self, (k, v) => (k, v)).Array[0, 5].Select(m => Obj(m.DistinctBy(x => x.k)))),
        (depth < 3 ? 2 : 0, self.Array[0, 4].Select(Arr)),
        (1, Gen.OneOf("{}", "[]", "[null]", "[{}]", "[[]]", "{\"\":null}")),
        (1, Gen.Select(Gen.Int[500, 5_000], Gen.OneOf("1", "{}", "null", "\"x\"", "[]"), (n, item) => Arr(Enumerable.Repeat(item, n)))),
        (depth == 0 ? 1 : 0, Gen.Int[8, 48].Select(Deep))));   // about half within the 32 levels an activity may nest

    /// <summary>[[[ … ]]] or {"a":{"a": … }} <paramref name="levels"/> deep.</summary>
    static string Deep(int levels) => levels % 2 == 0
        ? new string('[', levels) + new string(']', levels)
        : string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    /// <summary>serviceUrls that must never be called: not absolute http(s), or too long to be one.</summary>
    public static readonly Gen<string> BadServiceUrl = Gen.OneOf(
        Gen.OneOf("file:///etc/passwd", "ftp://127.0.0.1/", "/v3/conversations", "relative/path", "smba.trafficmanager.net/amer/",
            "javascript:alert(1)", "http://", "https://", "http:// 127.0.0.1/", "http://[::1", "gopher://127.0.0.1:70/", "data:text/plain,x",
            "\\\\server\\share", "mailto:a@b.c", "ht tp://x", "", " ", "http://\ud800/", "//127.0.0.1/").Select(Str),
        Gen.Int[2_100, 70_000].Select(n => Str("https://" + new string('a', n) + ".example/")),
        Text.Select(Str));

    /// <summary>The fake connector, with a path, query or user info bolted on: valid, and still nowhere but the fake.</summary>
    public static readonly Gen<string> OddConnectorUrl = Gen.OneOf(
        Connector + "/", Connector, Connector + "/amer/", Connector + "/?x=<at>", Connector + "/#frag", Connector + "//",
        Connector + "/%2e%2e/", Connector + "/" + new string('p', 1_500)).Select(Str);
}
