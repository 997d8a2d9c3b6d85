"""Plain words for the states and error codes people see on the pages (and in the page's JS)."""

from __future__ import annotations

STATES: dict[str, str] = {
    "queued": "排队中 Waiting",
    "running": "处理中 Working",
    "succeeded": "完成 Done",
    "failed": "失败 Failed",
    "uploading": "上传中 Uploading",
    "rejected": "未接收 Not accepted",
}

# What went wrong and what to do about it, for the codes a job or an upload can end with.
# The service's own message (more technical) is shown beside it.
ERROR_HINTS: dict[str, str] = {
    "pdf_no_text_layer": "这个 PDF 是扫描图像，没有文字层。This PDF is a scanned image without "
    "text: run it through OCR first, then upload the result.",
    "pdf_encrypted": "这个 PDF 设有密码。This PDF is password-protected: upload an "
    "unprotected copy.",
    "pdf_truncated": "文件不完整。The file is incomplete (the upload or download was cut short): "
    "upload the whole file again.",
    "pdf_malformed": "这个 PDF 已损坏。This PDF is damaged and cannot be read.",
    "pdf_too_many_pages": "页数太多。The PDF has too many pages: split the issue into "
    "smaller files.",
    "pdf_timeout": "处理超时。The PDF took too long to read: try splitting it into smaller files.",
    "pdf_too_complex": "文件太复杂。The PDF is too complex to read within the service's limits.",
    "timeout": "处理超时。Processing took too long; retrying may help if the service was busy.",
    "crash_loop": "处理时多次中断。Processing this file kept stopping; it was not tried again.",
    "too_many_attempts": "暂时性错误过多。The service hit temporary errors several times; retry.",
    "internal_error": "服务内部错误。Something went wrong inside the service; retrying may help.",
    "worker_lost": "处理中断。The worker stopped; the file is being processed again.",
    "missing_file": "存储的文件丢失。The stored file is missing: upload it again.",
    "empty": "文件是空的。The file is empty.",
    "empty_file": "文件是空的。The file is empty.",
    "undecodable": "无法识别文字编码。The file is not text baokan can read (UTF-8, GB18030 or "
    "UTF-16), nor a PDF.",
    "unsupported_media_type": "不支持的文件类型。Only PDF files and plain-text (.txt) pages can "
    "be read.",
    "file_too_large": "文件太大。The file is larger than the service accepts.",
    "request_entity_too_large": "文件太大。The file is larger than the service accepts.",
    "rate_limited": "上传太频繁。Too many uploads in a short time: wait a moment and retry.",
    "csrf_failed": "页面已过期。The page has expired: reload it and upload again.",
    "invalid_issue_date": "日期格式不对。The issue date must look like 2024-07-12.",
    "database_unavailable": "数据库暂时无法访问。The database is not answering: try again shortly.",
    "network": "网络中断。The connection to the service was lost: check it and retry.",
}


def error_hint(code: str | None) -> str:
    return ERROR_HINTS.get(code or "", "")
