using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Archive;

public enum CustomerQueryKind { Number, Phone, NamePrefix }

/// <summary>
/// What a reader typed to find a file: a registration number, a phone number, or the start of a name (at most <see cref="Max"/> files);
/// for a picker of the files one works on, also every file of <see cref="AlsoOwnedBy"/> (oneself, one's reports).
/// </summary>
public sealed record CustomerQuery(CustomerQueryKind Kind, string Text, int Max = 1)
{
    public IReadOnlyList<string> AlsoOwnedBy { get; init; } = [];

    public static CustomerQuery Number(string number) => new(CustomerQueryKind.Number, number);
    public static CustomerQuery Phone(string phone) => new(CustomerQueryKind.Phone, phone);
    public static CustomerQuery NamePrefix(string prefix, int max) => new(CustomerQueryKind.NamePrefix, prefix, max);
}

/// <summary>
/// The files a <see cref="CustomerQuery"/> found (purged ones left out, as every finder does) and every access grant the reader
/// holds, of any file, in the order they start: with the directory, all that the access code needs to decide the reader's view
/// of each file. <paramref name="Owned"/>: the files of <see cref="CustomerQuery.AlsoOwnedBy"/>, owner by owner in the order given, each
/// owner's as <see cref="ICustomerFiles.ListByOwnerAsync"/> lists them.
/// </summary>
public sealed record FoundFiles(IReadOnlyList<Customer> Files, IReadOnlyList<AccessGrant> ReaderGrants, IReadOnlyList<Customer> Owned)
{
    public FoundFiles(IReadOnlyList<Customer> files, IReadOnlyList<AccessGrant> readerGrants) : this(files, readerGrants, []) { }
}
