using TeamsCrm.Bot.Archive;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// Keeps a file's computed key-account classes (quality, high-value) true to its contract records: after a
/// contract or order is filed the classes are recomputed, and a change is saved with its change record.
/// Referrals are not recorded yet, so the "referred a customer who signed" path of quality is not taken here.
/// </summary>
public static class KeyAccountClassifier
{
    const int Attempts = 3;
    /// <summary>The change-record field name, as the card's history reads it (field.keyAccount).</summary>
    public const string Field = "keyAccount";

    public static async Task ReclassifyAsync(ICustomerFiles files, string number, string byAadObjectId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await files.GetFileAsync(number, ct) is not { } file) return;
            var customer = file.Customer;
            var classes = KeyAccountRules.Classify(customer.KeyAccount, customer.Credit, file.Entries, referredACustomerWhoSigned: false);
            if (classes == customer.KeyAccount) return;
            var change = new ChangeRecord(number, Field, customer.KeyAccount.ToString(), classes.ToString(),
                byAadObjectId, now, "Computed from contract records", null);
            try
            {
                await files.UpdateAsync(customer with { KeyAccount = classes }, [change], ct);
                return;
            }
            catch (VersionConflictException) when (attempt < Attempts)
            {
                // Someone saved the file meanwhile: read it again and recompute from what is there now.
            }
        }
    }
}
