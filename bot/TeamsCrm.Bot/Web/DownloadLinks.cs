using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace TeamsCrm.Bot.Web;

/// <summary>What a link downloads: a table as CSV or .xlsx or a visit ledger workbook (served at /export), a customer's document (at /documents), an import's dry-run report (at /imports/report); or the check-in page of a customer (at /checkin).</summary>
public enum DownloadKind { TeamScore, Analysis, History, Document, Ledger, ImportReport, CheckIn }

/// <summary>The file a table is served as; a document is served as it was filed (its links say Csv and it is ignored).</summary>
public enum DownloadFormat { Csv, Xlsx }

/// <summary>What a verified link asks for, and for whom it was made.</summary>
public sealed record DownloadRequest(DownloadKind Kind, string Argument, string UserAadObjectId, System.Globalization.CultureInfo Culture,
    DownloadFormat Format = DownloadFormat.Csv);

/// <summary>Export:* settings, for every download link (tables and documents). No key in a file: without Export:SigningKey a random one is made at start.</summary>
public sealed class ExportOptions
{
    public const string Section = "Export";
    /// <summary>Where people's browsers reach the bot (its public https address); empty = the first of Urls.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>Base64 of at least 32 bytes, shared by every instance behind one address; empty = random per start.</summary>
    public string? SigningKey { get; set; }
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Short-lived signed download links: /export (or /documents)?k=kind&amp;a=argument&amp;u=user&amp;l=language&amp;f=format&amp;e=expiry&amp;s=HMAC-SHA256
/// of the six (the format is signed, so a CSV link cannot be edited into an .xlsx one or back). The
/// link carries who it was made for; the endpoint checks the signature (in constant time), the expiry and then that
/// person's rights again in the directory, so a leaked link expires and a forwarded one serves only what its maker
/// may see — and only while they still may.
/// </summary>
public sealed class DownloadLinks
{
    readonly byte[] _key;
    readonly string _base;
    readonly TimeSpan _lifetime;
    readonly TimeProvider _clock;

    public DownloadLinks(IOptions<ExportOptions> options, IConfiguration config, TimeProvider clock)
    {
        var o = options.Value;
        _key = o.SigningKey is { Length: > 0 } k ? Convert.FromBase64String(k) : RandomNumberGenerator.GetBytes(32);
        if (_key.Length < 32) throw new InvalidOperationException("Export:SigningKey must be base64 of at least 32 bytes.");
        _base = (o.BaseUrl is { Length: > 0 } b ? b : (config["urls"] ?? "http://127.0.0.1:3978").Split(';')[0]).TrimEnd('/');
        _lifetime = o.LinkLifetime;
        _clock = clock;
    }

    /// <param name="lifetime">How long the link works; Export:LinkLifetime when not given.</param>
    public string For(string userAadObjectId, DownloadKind kind, string argument, System.Globalization.CultureInfo culture,
        DownloadFormat format = DownloadFormat.Csv, TimeSpan? lifetime = null)
    {
        var l = culture.Name;
        var f = FormatName(format);
        var expires = (_clock.GetUtcNow() + (lifetime ?? _lifetime)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string?>
        {
            ["k"] = kind.ToString(), ["a"] = argument, ["u"] = userAadObjectId, ["l"] = l, ["f"] = f, ["e"] = expires,
            ["s"] = Sign(kind.ToString(), argument, userAadObjectId, l, f, expires),
        };
        return QueryHelpers.AddQueryString(_base + PathOf(kind), query);
    }

    /// <summary>An unsigned address on the bot's public base (a customer file's stable link, which shows no data by itself).</summary>
    public string Page(string path) => _base + path;

    /// <summary>The request a link stands for; null when it is incomplete, tampered with, or expired.</summary>
    public DownloadRequest? Verify(IQueryCollection q)
    {
        string? One(string name) => q[name] is { Count: 1 } v ? v[0] : null;
        if (One("k") is not { } k || One("a") is not { } a || One("u") is not { } u || One("l") is not { } l || One("f") is not { } f
            || One("e") is not { } e || One("s") is not { } s) return null;
        byte[] sent;
        try { sent = WebEncoders.Base64UrlDecode(s); } catch (FormatException) { return null; }
        if (!CryptographicOperations.FixedTimeEquals(sent, Mac(k, a, u, l, f, e))) return null;
        if (!long.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || _clock.GetUtcNow().ToUnixTimeSeconds() > expires) return null;
        DownloadFormat? format = f switch { "csv" => DownloadFormat.Csv, "xlsx" => DownloadFormat.Xlsx, _ => null };
        return Enum.TryParse<DownloadKind>(k, out var kind) && Enum.IsDefined(kind) && format is { } known
            ? new DownloadRequest(kind, a, u, Cards.T.CultureFor(l), known) : null;
    }

    static string FormatName(DownloadFormat format) => format == DownloadFormat.Xlsx ? "xlsx" : "csv";

    /// <summary>Where a kind is served; the kind is signed, so a link moved to the other path is refused there.</summary>
    public static string PathOf(DownloadKind kind) => kind switch
    {
        DownloadKind.Document => "/documents",
        DownloadKind.ImportReport => "/imports/report",
        DownloadKind.CheckIn => "/checkin",
        _ => "/export",
    };

    static string Sign(byte[] mac) => WebEncoders.Base64UrlEncode(mac);
    string Sign(string k, string a, string u, string l, string f, string e) => Sign(Mac(k, a, u, l, f, e));

    /// <summary>Each part length-prefixed, so that no two different requests sign the same bytes.</summary>
    byte[] Mac(params string[] parts)
    {
        var text = string.Join("", parts.Select(p => $"{p.Length}:{p}"));
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));
    }
}
