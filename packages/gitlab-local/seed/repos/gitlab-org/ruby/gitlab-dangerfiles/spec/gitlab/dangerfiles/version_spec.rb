# frozen_string_literal: true

RSpec.describe Gitlab::Dangerfiles do
  it 'has a version' do
    expect(Gitlab::Dangerfiles::VERSION).to match(/\A\d+\.\d+\.\d+\z/)
  end
end
