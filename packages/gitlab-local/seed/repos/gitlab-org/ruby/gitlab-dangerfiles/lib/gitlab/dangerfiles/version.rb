# frozen_string_literal: true

module Gitlab
  module Dangerfiles
    VERSION = '4.8.1'
  end
end
