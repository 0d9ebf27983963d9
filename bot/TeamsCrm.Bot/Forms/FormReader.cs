using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TeamsCrm.Bot.Cards;

namespace TeamsCrm.Bot.Forms;

/// <summary>
/// Reads the inputs of a submitted card and checks every one on the server: the client's own checks
/// (required, maxLength) are a convenience an old client or a forged invoke skips. Each reader returns the
/// clean value, or null and records a localised message for the field (the first problem of a field wins),
/// so a form can come back with the message beside the field and every typed value kept.
/// </summary>
public sealed partial class FormReader(JsonObject data, CultureInfo culture)
{
    readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    /// <summary>The typed text, trimmed; null when empty or missing. A value that is not text is an error.</summary>
    public string? Raw(string id)
    {
        switch (data[id])
        {
            case null: return null;
            case JsonValue v when v.TryGetValue<string>(out var s):
                return s.Trim() is { Length: > 0 } t ? t : null;
            default:
                Fail(id, "form.notText");
                return null;
        }
    }

    public string? Text(string id, bool required = false, int maxLength = Limits.SingleLine) =>
        Checked(id, required, maxLength, Controls().Replace(Raw(id) ?? "", " ").Trim());

    /// <summary>Line breaks are kept; other control characters are dropped.</summary>
    public string? MultiLine(string id, bool required = false, int maxLength = Limits.Description) =>
        Checked(id, required, maxLength, ControlsButNewlines().Replace((Raw(id) ?? "").ReplaceLineEndings("\n"), "").Trim());

    /// <summary>Amounts ≥ 0 with at most 2 decimals; "1,234.50", "１２３４．５" (full width) and a leading ¥ are accepted.</summary>
    public decimal? Amount(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        var text = Fold(raw).Replace(" ", "", StringComparison.Ordinal).TrimStart('¥', '$');
        if (text.StartsWith('-')) return Fail<decimal>(id, "form.amountNegative");
        if (!AmountPattern().IsMatch(text)) return Fail<decimal>(id, "form.amount");
        if (text.Contains('.', StringComparison.Ordinal) && text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 > 2)
            return Fail<decimal>(id, "form.amountDecimals");
        if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount)
            return Fail<decimal>(id, "form.amountTooLarge");
        return amount;
    }

    /// <summary>Input.Date sends yyyy-MM-dd whatever the user's locale.</summary>
    public DateOnly? Date(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        return DateOnly.TryParseExact(Fold(raw), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year is >= 1900 and <= 2100
            ? date
            : Fail<DateOnly>(id, "form.date");
    }

    /// <summary>Input.Time sends HH:mm (some clients add seconds).</summary>
    public TimeOnly? Time(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        return TimeOnly.TryParseExact(Fold(raw), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Fail<TimeOnly>(id, "form.time");
    }

    /// <summary>Input.Toggle sends its valueOn ("true") or valueOff ("false"); anything else is off.</summary>
    public bool Toggle(string id) => Raw(id) == "true";

    public string? Email(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        var email = Fold(raw);
        if (email.Length > 254) return FailText(id, "form.tooLong", 254, email.Length);
        return EmailPattern().IsMatch(email) ? email : FailText(id, "form.email");
    }

    /// <summary>Digits, spaces, +, - and brackets; 6 to 20 digits ("+86 (21) 5555-0100").</summary>
    public string? Phone(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        var phone = Fold(raw);
        if (!PhonePattern().IsMatch(phone)) return FailText(id, "form.phone");
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 20 ? phone : FailText(id, "form.phoneDigits");
    }

    /// <summary>An http(s) address or a bare domain ("www.example.com"); kept as typed.</summary>
    public string? Website(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        var site = Fold(raw);
        if (site.Length > Limits.SingleLine) return FailText(id, "form.tooLong", Limits.SingleLine, site.Length);
        var absolute = site.Contains("://", StringComparison.Ordinal) ? site : "https://" + site;
        return !site.Any(char.IsWhiteSpace)
            && Uri.TryCreate(absolute, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Contains('.', StringComparison.Ordinal) && !uri.Host.EndsWith('.')
            ? site
            : FailText(id, "form.website");
    }

    /// <summary>统一社会信用代码 (GB 32100-2015), upper-cased and without spaces.</summary>
    public string? CreditCode(string id, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        var code = Fold(raw).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return CreditCodes.Check(code) switch
        {
            CreditCodeProblem.None => code,
            CreditCodeProblem.CheckCharacter => FailText(id, "form.creditCodeCheck"),
            _ => FailText(id, "form.creditCode"),
        };
    }

    /// <summary>One of the enum's names (as the choice set sends them), optionally from a narrower set.</summary>
    public TEnum? Choice<TEnum>(string id, bool required = false, IReadOnlyCollection<TEnum>? allowed = null) where TEnum : struct, Enum
    {
        if (Present(id, required) is not { } raw) return null;
        // By name only: Enum.TryParse would also take "2" or "New, Regular".
        return Enum.GetNames<TEnum>().Contains(raw, StringComparer.Ordinal) && Enum.TryParse<TEnum>(raw, out var value)
            && (allowed is null || allowed.Contains(value))
            ? value
            : Fail<TEnum>(id, "form.choice");
    }

    public string? OneOf(string id, IReadOnlyCollection<string> allowed, bool required = false)
    {
        if (Present(id, required) is not { } raw) return null;
        return allowed.Contains(raw) ? raw : FailText(id, "form.choice");
    }

    /// <summary>Records a problem the form itself found (a rule across fields, a duplicate); the first per field stays.</summary>
    public void Fail(string id, string key, params object?[] args) => _errors.TryAdd(id, T.Get(culture, key, args));

    string? Present(string id, bool required)
    {
        var raw = Raw(id);
        if (raw is null && required && !_errors.ContainsKey(id)) Fail(id, "form.required");
        return raw;
    }

    string? Checked(string id, bool required, int maxLength, string text)
    {
        if (_errors.ContainsKey(id)) return null;
        if (text.Length == 0)
        {
            if (required) Fail(id, "form.required");
            return null;
        }
        return text.Length <= maxLength ? text : FailText(id, "form.tooLong", maxLength, text.Length);
    }

    T? Fail<T>(string id, string key, params object?[] args) where T : struct
    {
        Fail(id, key, args);
        return null;
    }

    string? FailText(string id, string key, params object?[] args)
    {
        Fail(id, key, args);
        return null;
    }

    /// <summary>Full-width characters as Chinese input methods type them (１２３, ＠, ．) become their ASCII forms.</summary>
    static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).Trim();

    const decimal MaxAmount = 999_999_999_999.99m;

    [GeneratedRegex(@"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\p{C}+")]
    private static partial Regex Controls();

    [GeneratedRegex(@"[\p{C}-[\n]]+")]
    private static partial Regex ControlsButNewlines();
}
