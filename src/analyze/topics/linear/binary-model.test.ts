import assert from 'node:assert/strict'
import { test } from 'node:test'
import { binaryModelFromJSON, trainBinaryModel, uncertaintyOf } from './binary-model.js'

const sea = [
  'Tàu cá ngư dân bị xua đuổi tại vùng biển Hoàng Sa',
  'Hải quân tuần tra trên Biển Đông bảo vệ chủ quyền biển đảo',
  'Ngư dân Quảng Ngãi ra khơi bám biển Hoàng Sa Trường Sa',
  'Diễn đàn về an ninh hàng hải và chủ quyền trên Biển Đông',
  'Lực lượng cảnh sát biển tăng cường tuần tra vùng biển',
  'Bảo vệ chủ quyền biển đảo thiêng liêng của Tổ quốc',
]
const other = [
  'Giá lúa gạo tại đồng bằng sông Cửu Long tăng nhẹ',
  'Đội tuyển bóng đá thắng 2-0 trong trận giao hữu',
  'Bệnh viện tỉnh khai trương khoa tim mạch mới',
  'Học sinh bước vào kỳ thi tốt nghiệp trung học phổ thông',
  'Ngân hàng giảm lãi suất cho vay doanh nghiệp nhỏ',
  'Lễ hội văn hóa dân gian thu hút đông đảo du khách',
  'Giá xăng dầu điều chỉnh giảm từ chiều nay',
  'Công an triệt phá đường dây đánh bạc qua mạng',
]
const examples = [
  ...sea.map((text) => ({ text, positive: true })),
  ...other.map((text) => ({ text, positive: false })),
]

test('learns a yes/no topic from a few labelled texts', () => {
  const model = trainBinaryModel(examples)
  for (const text of sea) assert.ok(model.predict(text) > 0.5, text)
  for (const text of other) assert.ok(model.predict(text) < 0.5, text)
  assert.ok(model.predict('Tàu hải quân tuần tra bảo vệ chủ quyền Hoàng Sa') > 0.6)
  assert.ok(model.predict('Giá gạo và lãi suất ngân hàng') < 0.4)
})

test('uncertainty is highest near 0.5 and ranks unseen mixed text above clear text', () => {
  assert.equal(uncertaintyOf(0.5), 1)
  assert.equal(uncertaintyOf(0), 0)
  assert.equal(uncertaintyOf(1), 0)
  const model = trainBinaryModel(examples)
  const clear = model.uncertainty('Hải quân tuần tra Biển Đông bảo vệ chủ quyền biển đảo Hoàng Sa')
  const unknown = model.uncertainty('Thời tiết hôm nay')
  assert.ok(unknown > clear, `${unknown} vs ${clear}`)
})

test('JSON round trip keeps predictions; bad data is rejected', () => {
  const model = trainBinaryModel(examples)
  const back = binaryModelFromJSON(JSON.parse(JSON.stringify(model.toJSON())))
  for (const { text } of examples) assert.ok(Math.abs(back.predict(text) - model.predict(text)) < 1e-9)
  assert.throws(() => binaryModelFromJSON({ version: 2 }))
  assert.throws(() => binaryModelFromJSON({ ...model.toJSON(), idf: [] }), /length/)
})
