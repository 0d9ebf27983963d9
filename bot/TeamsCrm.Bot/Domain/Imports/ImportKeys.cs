using System.Security.Cryptography;
using System.Text;

namespace TeamsCrm.Bot.Domain.Imports;

/// <summary>
/// Import keys: what a ledger row becomes is known by a key made from the file's content, the sheet, the row and what part
/// of the row it is — the same file gives the same keys whoever imports it and however often, so the archive stores each
/// once (a customer's key is its submission id, an entry's is in its id, a contact and a visit carry theirs). A changed
/// file gives new keys: its rows meet the duplicate check instead.
/// </summary>
public static class ImportKeys
{
    /// <summary>What of a row a key is for: the customer file, its first contact, its first contract, or the one record of a child row.</summary>
    public const string File = "file", FirstContact = "contact", FirstContract = "contract", Record = "record";

    /// <summary>The change-record field of an imported file's first history line; its new value is the import's note ("imported from …, row N").</summary>
    public const string HistoryField = "import";

    /// <summary>"import-" and 32 hex digits (128 bits of SHA-256): short enough for every store's key column.</summary>
    public static string Of(string fileHash, string sheet, int row, string part)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{fileHash}\n{sheet}\n{row}\n{part}"));
        return "import-" + Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }

    /// <summary>A GUID from a key (a visit's id is a GUID): the key's first 128 bits.</summary>
    public static string GuidOf(string key) => new Guid(Convert.FromHexString(key["import-".Length..])).ToString("D");

    /// <summary>The SHA-256 of a file's content, in hex: one streaming pass.</summary>
    public static async Task<string> HashAsync(Stream content, CancellationToken ct)
    {
        using var sha = SHA256.Create();
        return Convert.ToHexStringLower(await sha.ComputeHashAsync(content, ct));
    }
}
