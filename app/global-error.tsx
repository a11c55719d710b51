"use client";

// Last resort when the root layout itself fails: no translations are available here.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="vi">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: 560,
          margin: "4rem auto",
          padding: "0 1rem",
          textAlign: "center",
        }}
      >
        <h1>Đã có lỗi xảy ra</h1>
        <p>Hệ thống đã ghi nhận lỗi. Vui lòng thử lại. (Something went wrong; please try again.)</p>
        {error.digest && (
          <p style={{ fontFamily: "monospace", fontSize: 12 }}>Mã tham chiếu: {error.digest}</p>
        )}
        <button type="button" onClick={reset}>
          Thử lại
        </button>
      </body>
    </html>
  );
}
