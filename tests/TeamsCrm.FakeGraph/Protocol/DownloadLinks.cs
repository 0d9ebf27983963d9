using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TeamsCrm.FakeGraph.Protocol;

/// <summary>
/// Pre-authenticated download URLs, as SharePoint hands out in a 302 from …/content and in
/// @microsoft.graph.downloadUrl: on the fake's own host (standing in for the SharePoint host), carrying a signed,
/// expiring token in place of SharePoint's tempauth, so they work without an Authorization header and only for a
/// few minutes. The key is made per server, so a URL from another run is refused.
/// </summary>
internal sealed class DownloadLinks(TimeProvider clock, TimeSpan lifetime)
{
    public const string Path = "/_layouts/15/download.aspx";
    readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string UrlFor(string hostRoot, string driveId, string itemId, Guid uniqueId)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeMilliseconds();
        var payload = Encoding.UTF8.GetBytes($"{driveId}\n{itemId}\n{expires.ToString(CultureInfo.InvariantCulture)}");
        var token = Base64Url(payload) + "." + Base64Url(Sign(payload));
        return $"{hostRoot}{Path}?UniqueId={uniqueId}&Translate=false&tempauth={token}&ApiVersion=2.0";
    }

    /// <summary>The drive and item a token names; null when it is forged, damaged or expired.</summary>
    public (string DriveId, string ItemId)? Read(string? token)
    {
        if (token?.Split('.') is not [var body, var signature]) return null;
        try
        {
            var payload = FromBase64Url(body);
            if (!CryptographicOperations.FixedTimeEquals(Sign(payload), FromBase64Url(signature))) return null;
            var parts = Encoding.UTF8.GetString(payload).Split('\n');
            var expires = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[2], CultureInfo.InvariantCulture));
            return clock.GetUtcNow() < expires ? (parts[0], parts[1]) : null;
        }
        catch (FormatException) { return null; }
    }

    byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload)[..16];

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] FromBase64Url(string text)
    {
        var b64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '='));
    }
}
