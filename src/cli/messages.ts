/** CLI help and messages in Vietnamese (default) and English (`--lang en` or HAIDANG_CLI_LANG=en). */
const vi = {
  'cli.description': 'Hải Đăng — nền tảng thông tin đối ngoại và báo chí',
  'opt.lang': 'ngôn ngữ của trợ giúp và thông báo (vi|en)',
  'opt.config': 'tệp cấu hình JSON',
  'opt.help': 'hiện trợ giúp',
  'opt.help_command': 'hiện trợ giúp của một lệnh',
  'opt.db': 'cơ sở dữ liệu (đường dẫn SQLite hoặc postgres://…); mặc định theo cấu hình',
  'serve.description': 'chạy máy chủ web (kèm tiến trình nền ở chế độ nhúng)',
  'serve.demo': 'nạp dữ liệu mẫu khi khởi động',
  'serve.port': 'cổng TCP',
  'serve.host': 'địa chỉ lắng nghe',
  'serve.listening': 'Hải Đăng đang chạy tại {url}',
  'worker.description': 'chỉ chạy tiến trình nền (thu thập, phân tích, cảnh báo)',
  'worker.concurrency': 'số việc chạy đồng thời',
  'migrate.description': 'cập nhật cấu trúc cơ sở dữ liệu',
  'migrate.done': 'Đã áp dụng {n} bản cập nhật cơ sở dữ liệu.',
  'user.description': 'quản lý người dùng',
  'user.add': 'thêm người dùng (mật khẩu đọc từ stdin với --password-stdin, nếu không sẽ sinh ngẫu nhiên)',
  'user.list': 'liệt kê người dùng',
  'user.set_role': 'đổi vai trò: admin | leader | editor | analyst | viewer',
  'user.reset_password': 'đặt lại mật khẩu (đọc từ stdin với --password-stdin, nếu không sẽ sinh ngẫu nhiên)',
  'user.password_stdin': 'đọc mật khẩu từ dòng đầu của stdin',
  'user.created': 'Đã tạo người dùng {email} ({role}).',
  'user.generated': 'Mật khẩu được sinh (chỉ hiện một lần): {password}',
  'user.updated': 'Đã cập nhật {email}.',
  'user.not_found': 'Không có người dùng {email}.',
  'backup.description': 'sao lưu cơ sở dữ liệu SQLite ra tệp (PostgreSQL: dùng pg_dump)',
  'backup.done': 'Đã sao lưu vào {file} ({size}).',
  'backup.pg_hint': 'Với PostgreSQL, hãy dùng: pg_dump --format=custom --file={file} "{url}"',
  'restore.description': 'khôi phục cơ sở dữ liệu SQLite từ bản sao lưu (máy chủ phải đang dừng)',
  'restore.done': 'Đã khôi phục từ {file}.',
  'restore.pg_hint': 'Với PostgreSQL, hãy dùng: pg_restore --clean --dbname="{url}" {file}',
  'config.description': 'in bảng cấu hình (--docs: dạng Markdown)',
  'ingest.description': 'thu thập bài viết từ các nguồn (một lượt với --once)',
  'ingest.once': 'chạy một lượt rồi dừng',
  'ingest.force': 'kiểm tra mọi nguồn ngay, không đợi đến lượt',
  'ingest.source': 'chỉ nguồn có mã này',
  'ingest.articles': 'bài viết',
  'ingest.summary':
    'Nguồn tin: {feeds} (lỗi {feedErrors}); bài mới: {stored} (trùng lặp/đăng lại {duplicates}); đã có: {existing}; bỏ qua (không phải bài báo): {skipped}; lỗi: {failed}.',
  'extract.description': 'trích xuất nội dung bài viết từ tệp, thư mục hoặc URL (JSON)',
  'analyze.description':
    'phân tích bài viết (ngôn ngữ, địa danh, chủ đề, sắc thái, sự kiện); --all để phân tích lại tất cả',
  'analyze.all': 'phân tích lại mọi bài (sau khi đổi mô hình hoặc quy tắc)',
  'analyze.articles': 'bài viết',
  'analyze.summary': 'Đã phân tích {analyzed} bài ({withProblems} bài có phần chưa phân tích được).',
  'segment.description': 'tách từ tiếng Việt: mỗi dòng một câu từ stdin, các âm tiết của một từ nối bằng _',
  'segment.model': 'tệp mô hình tách từ (mặc định data/models/segmenter.bin.gz)',
  'classify.description': 'phân loại chủ đề: mỗi dòng JSON {"id","text"} từ stdin → {"id","label","score"}',
  'classify.model': 'tên mô hình (news-vi)',
  'classify.model_file': 'tệp mô hình thay cho tệp có sẵn',
  'gazetteer.description': 'danh mục địa danh (đơn vị hành chính)',
  'gazetteer.import':
    'nhập danh mục đơn vị hành chính chính thức (JSON 2025/trước 2025, CSV/XLSX của cơ quan thống kê, bảng chuyển đổi cũ→mới)',
  'gazetteer.imported': 'Đã nhập {n} đơn vị ({kind}).',
  'gazetteer.linked': 'Đã nối {n} đơn vị cũ với đơn vị mới; {missing} đơn vị không khớp.',
  'import.description':
    'nhập bài viết từ tệp JSON lines (id, text, title, url, source, lang, published_at), lập chỉ mục và phân tích',
  'import.no_analyze': 'không phân tích sau khi nhập',
  'import.lines': 'dòng',
  'import.summary': 'Đã đọc {lines} dòng: {imported} bài mới, {updated} bài cập nhật, {failed} dòng lỗi.',
  'import.error': 'dòng {line}: {detail}',
  'import.reason.not_json': 'không phải JSON hợp lệ',
  'import.reason.missing': 'thiếu trường "{field}"',
  'import.reason.invalid': 'trường "{field}" không hợp lệ',
  'search.description': 'tìm kiếm bài viết bằng ngôn ngữ truy vấn (xem docs/search.md)',
  'search.count': 'chỉ in số bài khớp',
  'search.limit': 'số kết quả tối đa',
  'error.prefix': 'Lỗi',
} as const

export type CliKey = keyof typeof vi

const en: Record<CliKey, string> = {
  'cli.description': 'Hải Đăng — platform for foreign-information and press work',
  'opt.lang': 'language of help and messages (vi|en)',
  'opt.config': 'JSON config file',
  'opt.help': 'show help',
  'opt.help_command': 'show help for a command',
  'opt.db': 'database (SQLite path or postgres://…); defaults to the configuration',
  'serve.description': 'run the web server (with background workers in embedded mode)',
  'serve.demo': 'load demo data at start',
  'serve.port': 'TCP port',
  'serve.host': 'listen address',
  'serve.listening': 'Hải Đăng is running at {url}',
  'worker.description': 'run background workers only (ingest, analysis, alerts)',
  'worker.concurrency': 'jobs run at once',
  'migrate.description': 'bring the database schema up to date',
  'migrate.done': 'Applied {n} database migrations.',
  'user.description': 'manage users',
  'user.add': 'add a user (password from stdin with --password-stdin, otherwise generated)',
  'user.list': 'list users',
  'user.set_role': 'change role: admin | leader | editor | analyst | viewer',
  'user.reset_password': 'reset a password (from stdin with --password-stdin, otherwise generated)',
  'user.password_stdin': 'read the password from the first line of stdin',
  'user.created': 'Created user {email} ({role}).',
  'user.generated': 'Generated password (shown once): {password}',
  'user.updated': 'Updated {email}.',
  'user.not_found': 'No user {email}.',
  'backup.description': 'back up the SQLite database to a file (PostgreSQL: use pg_dump)',
  'backup.done': 'Backed up to {file} ({size}).',
  'backup.pg_hint': 'For PostgreSQL use: pg_dump --format=custom --file={file} "{url}"',
  'restore.description': 'restore the SQLite database from a backup (the server must be stopped)',
  'restore.done': 'Restored from {file}.',
  'restore.pg_hint': 'For PostgreSQL use: pg_restore --clean --dbname="{url}" {file}',
  'config.description': 'print the option table (--docs: as Markdown)',
  'ingest.description': 'collect articles from the sources (one pass with --once)',
  'ingest.once': 'run one pass and stop',
  'ingest.force': 'check every feed now, not only those due',
  'ingest.source': 'only the source with this id',
  'ingest.articles': 'articles',
  'ingest.summary':
    'Feeds: {feeds} ({feedErrors} failed); new articles: {stored} ({duplicates} syndicated copies); already stored: {existing}; skipped (not an article): {skipped}; failed: {failed}.',
  'extract.description': 'extract the article from a file, directory or URL (JSON)',
  'analyze.description':
    'analyze articles (language, places, topics, tone, stories); --all re-analyzes everything',
  'analyze.all': 're-analyze every article (after a model or rule change)',
  'analyze.articles': 'articles',
  'analyze.summary': 'Analyzed {analyzed} articles ({withProblems} with partial results).',
  'segment.description':
    'Vietnamese word segmentation: one sentence per line on stdin, syllables of a word joined by _',
  'segment.model': 'segmenter model file (default data/models/segmenter.bin.gz)',
  'classify.description': 'topic classification: JSON lines {"id","text"} on stdin → {"id","label","score"}',
  'classify.model': 'model name (news-vi)',
  'classify.model_file': 'a model file instead of the shipped one',
  'gazetteer.description': 'the places gazetteer (administrative units)',
  'gazetteer.import':
    'import an official unit list (2025/pre-2025 JSON, statistics office CSV/XLSX, the old→new mapping)',
  'gazetteer.imported': 'Imported {n} units ({kind}).',
  'gazetteer.linked': 'Linked {n} old units to new ones; {missing} did not match.',
  'import.description':
    'import articles from a JSON lines file (id, text, title, url, source, lang, published_at), index and analyze them',
  'import.no_analyze': 'do not analyze after importing',
  'import.lines': 'lines',
  'import.summary': 'Read {lines} lines: {imported} new articles, {updated} updated, {failed} failed lines.',
  'import.error': 'line {line}: {detail}',
  'import.reason.not_json': 'not valid JSON',
  'import.reason.missing': 'missing field "{field}"',
  'import.reason.invalid': 'field "{field}" is not valid',
  'search.description': 'search articles with the query language (see docs/search.md)',
  'search.count': 'print only the number of matching articles',
  'search.limit': 'largest number of results',
  'error.prefix': 'Error',
}

/** Translates a CLI message; `lang` is the language it speaks (commands reuse it for other catalogues). */
export type CliT = ((key: CliKey, params?: Record<string, string | number>) => string) & {
  readonly lang: 'vi' | 'en'
}

export function cliTranslator(argv: string[], env: NodeJS.ProcessEnv): CliT {
  const i = argv.indexOf('--lang')
  const lang =
    (i >= 0 ? argv[i + 1] : undefined) ??
    argv.find((a) => a.startsWith('--lang='))?.slice(7) ??
    env.HAIDANG_CLI_LANG
  const cat = lang === 'en' ? en : vi
  const translate = (key: CliKey, params?: Record<string, string | number>) => {
    const text: string = cat[key]
    return params ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : text
  }
  return Object.assign(translate, { lang: lang === 'en' ? ('en' as const) : ('vi' as const) })
}
