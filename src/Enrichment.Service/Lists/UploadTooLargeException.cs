namespace Enrichment.Service.Lists;

/// <summary>The upload passed Enrichment:MaxUploadBytes (answered 413).</summary>
public sealed class UploadTooLargeException : IOException
{
    public UploadTooLargeException()
    {
    }

    public UploadTooLargeException(string message)
        : base(message)
    {
    }

    public UploadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
